// Comparing what different sources say people said: pure functions, statements in, groups out.
export { COMPARE_VERSION, GROUP_LABELS, LIMITS, blockWeights, groupStatements, labelGroup, prepareStatement, prepareText } from "./group";
export { compatibleSpeakers } from "./group";
export type { GroupLabel, GroupOptions, GroupResult, GroupStats, MemberResult, PreparedText, StatementInput } from "./group";
export { THRESHOLDS, compareVersions, decide, diffVersions, versionDiffer } from "./pair";
export type { Comparison, Relation } from "./pair";
export { wordDiff } from "./diff";
export type { Segment } from "./diff";
export { fingerprints } from "./fingerprint";
export { prepare, tokenize, stem } from "./text";
