/**
 * @deprecated The synchronous SQLite `labelsOf`, for code not yet behind the storage seam
 * (conversations/conversation-queries.ts); use `store.read.labels.labelsOf`.
 */
export { labelsOf } from '../store/sqlite/labels.ts';
