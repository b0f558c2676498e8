/**
 * A short two-note chime made with Web Audio: no sound file to fetch (and none in the byte budget).
 * Browsers only let audio start after the visitor interacted with the page: the loader's iframe has
 * `allow="autoplay"`, so a click anywhere on the host page counts for this frame too (on every page
 * of the visit, the frame preloaded). Before that the context stays suspended and the chime is
 * silently skipped; each later chime resumes it.
 */
let context: AudioContext | null = null;

export function playChime(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const now = context.currentTime;
    for (const [i, frequency] of [880, 1320].entries()) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      const start = now + i * 0.12;
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.15, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
      osc.connect(gain).connect(context.destination);
      osc.start(start);
      osc.stop(start + 0.3);
    }
  } catch {
    // No Web Audio (or blocked): the visual unread badge still tells the visitor.
  }
}
