export { splitLinks, type TextPart } from './links.ts';
export { mergeMessages, lastSeqOf } from './timeline.ts';
export { createOutbox, newClientId, type Outbox, type OutboxEntry, type KeyValueStorage } from './outbox.ts';
export {
  evaluateTriggers,
  missingConditions,
  checkCondition,
  formatMoney,
  type VisitorSignals,
  type PromptHistory,
  type PromptShown,
  type EvaluationContext,
  type Evaluation,
  type RuleResult,
  type RageEvidence,
  type CartState,
} from './triggers/evaluate-triggers.ts';
export { describeCondition, BLOCKED_TEXT } from './triggers/describe-condition.ts';
export { AA_TEXT, contrastRatio, launcherTextOn, readableOn, relativeLuminance, textColorOn, mixColors } from './contrast.ts';
export { hasVisibleText } from '@hearth/protocol/visible-text';
export { fold, foldedIncludes } from './fold.ts';
