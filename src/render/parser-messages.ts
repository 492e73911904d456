/**
 * The command-line parser (commander) words its own errors in English. In a
 * Chinese session they are translated on the way out, so that every message
 * the user reads is in the chosen language. Each pattern is one of commander's
 * message templates (node_modules/commander/lib/command.js, option.js,
 * suggestSimilar.js); an error it does not know passes unchanged.
 */
import type { Lang } from './lang.js';

const ZH: [RegExp, string][] = [
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. ?/m, '错误：选项 $1 的值 “$2” 无效。'],
  [/^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\. ?/m, '错误：参数 $2 的值 “$1” 无效。'],
  [/Allowed choices are ([^\n]*?)\.(\n|$)/, '可选值：$1。$2'],
  [/^error: unknown option '([^']*)'/m, '错误：未知选项 “$1”'],
  [/^error: unknown command '([^']*)'/m, '错误：未知命令 “$1”'],
  [/^error: missing required argument '([^']*)'/m, '错误：缺少参数 <$1>'],
  [/^error: option '([^']*)' argument missing/m, '错误：选项 $1 缺少值'],
  [/^error: too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./m, '错误：命令 $1 的参数过多（应为 $2 个，实际 $3 个）。'],
  [/^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\./m, '错误：参数过多（应为 $1 个，实际 $2 个）。'],
  [/^error: required option '([^']*)' not specified/m, '错误：必须给出选项 $1'],
  [/\(Did you mean one of ([^)]*)\?\)/, '（是否指以下之一：$1？）'],
  [/\(Did you mean ([^)]*)\?\)/, '（是否指 $1？）'],
  [/^error: /m, '错误：'],
];

export function parserMessage(text: string, lang: Lang): string {
  return lang === 'zh' ? ZH.reduce((s, [from, to]) => s.replace(from, to), text) : text;
}
