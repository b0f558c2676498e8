/**
 * The emoji picker's set and its keyboard rules. Hand-written on purpose: emoji-mart and similar
 * libraries weigh 30–100 KB gzip with their data, more than the whole panel's budget. Eighty common
 * emoji cover what visitors send in a support chat; the OS keyboard still offers every other one.
 */
// Space-separated: some emoji are two code points (❤️ = ❤ + VS16), so the string cannot be spread.
export const EMOJI: readonly string[] = '😀 😃 😄 😁 😆 😅 😂 🙂 😉 😊 😇 🥰 😍 🤩 😘 😋 😛 😜 🤗 🤔 🤨 😐 😑 😶 🙄 😏 😬 😌 😔 😴 😷 🤒 🤯 🥳 😎 🤓 😕 😟 😮 😲 😱 😳 🥺 😢 😭 😤 😡 🤬 👍 👎 👌 ✌️ 🤞 👏 🙌 🙏 💪 👋 👀 ❤️ 🧡 💛 💚 💙 💜 🖤 💔 ✨ 🔥 🎉 🎁 ⭐ ✅ ❌ ❓ ❗ 💡 📦 🚚 ⏰'.split(' ');

/** Columns of the grid (matches the CSS). */
export const EMOJI_COLUMNS = 8;

/**
 * Where an arrow, Home or End key moves in a grid of `count` cells, `columns` wide; null when the
 * key is not a navigation key. Moves stop at the edges (no wrap), as in the ARIA grid pattern.
 *
 * @example nextEmojiIndex('ArrowDown', 3, 80, 8) // 11
 */
export function nextEmojiIndex(key: string, index: number, count: number, columns = EMOJI_COLUMNS): number | null {
  const clamp = (i: number): number => Math.max(0, Math.min(count - 1, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return index + columns < count ? index + columns : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return index - (index % columns);
    case 'End':
      return clamp(index - (index % columns) + columns - 1);
    default:
      return null;
  }
}
