/**
 * The note plan import leaves on a group whose members the document does not list. `plan group
 * complete` takes it away (the members are then listed), so it is known beside the importer —
 * with the earlier English wording, which plans imported before it still carry.
 */
export const MEMBERS_UNKNOWN_NOTE = 'plan import 创建：原文未列出成员，请补全成员后运行 plan group complete。';
export const MEMBERS_UNKNOWN_NOTES: readonly string[] = [MEMBERS_UNKNOWN_NOTE, 'Created by plan import: the document does not list the members; complete them.'];
