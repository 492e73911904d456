/**
 * The files of a new plan repository (`plan init`): an example plan, the CI
 * file of each forge, .gitignore, package.json and a short README. Pure: the
 * command decides where they go and writes them.
 */
import { addDays } from '../calendar.js';
import type { Lang } from '../render/lang.js';
import type { Forge } from './codeowners.js';

const SCHEMAS = 'node_modules/plan-ledger/src/validate/schemas';

/** Points each file's `$schema` comment at the schemas of the installed package. */
export function schemaComment(kind: 'plan' | 'units' | 'scoring' | 'tasks' | 'status', depth: number): string {
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}${SCHEMAS}/${kind}.schema.json`;
}

/**
 * Points an imported file's `$schema` comment at the schemas of the package the new repository installs:
 * the comment the import wrote is replaced, or added when the import left it out (no package was installed
 * beside the folder it wrote to).
 */
export function pointSchemasAtPackage(text: string, depth: number, kind: 'plan' | 'units' | 'tasks'): string {
  const comment = /^# yaml-language-server: \$schema=\S*$/m;
  return comment.test(text) ? text.replace(comment, schemaComment(kind, depth)) : `${schemaComment(kind, depth)}\n${text}`;
}

/**
 * What `plan init` sets in plan.yaml besides the plan itself, in the plan's language: the office
 * reviews what units report done, and how to make commits count by signature (a comment).
 */
export function planSettings(lang: Lang): string {
  return lang === 'zh'
    ? `# 单位报“已完成”或“不适用”后为待审核，由牵头办公室审核：plan review 销号或退回。
# 改为 none 则以单位填报为准。
review: required
# plan check --since 以什么判断提交人：默认是提交的作者字段，任何人都能填写（只有代码托管平台的
# CODEOWNERS 把关）。改为 signed 后，每个提交都须由 units.yaml 中 signingKeys 所列的密钥签名，
# 以密钥所有者为准。各单位经办人据此设置签名（见 plan-ledger 文档 docs/shared-repository.md）：
#   git config gpg.format ssh
#   git config user.signingkey ~/.ssh/id_ed25519.pub
#   git config commit.gpgsign true
# ownership: signed`
    : `# A unit's done is a claim the office reviews: awaiting review until plan review
# accepts or returns it. Write none to take the unit's word as the record.
review: required
# Who made a commit, for \`plan check --since\`: by default its author field, which
# anyone can write (only the forge's code owners enforce it). With signed, every
# commit must be signed by a key listed under signingKeys in units.yaml, and the
# key's owner is judged. Each clerk then signs (plan-ledger's docs/shared-repository.md):
#   git config gpg.format ssh
#   git config user.signingkey ~/.ssh/id_ed25519.pub
#   git config commit.gpgsign true
# ownership: signed`;
}

/**
 * units.yaml's `office:` block with the comments on maintainers and signing keys, in the plan's
 * language. `office`: the unit that runs the plan (the checkpoints' recipient), named in the comment.
 */
export function officeBlock(lang: Lang, office?: { id: string; short?: string; name?: string }): string {
  const who = office === undefined ? '' : lang === 'zh' ? `（${office.short ?? office.name ?? office.id}，单位 ${office.id}）` : ` (${office.short ?? office.name ?? office.id}, unit ${office.id})`;
  return lang === 'zh'
    ? `# maintainers：可修改该单位进展文件的人（git 邮箱或代码托管平台用户名）。
# plan codeowners 据此生成 CODEOWNERS，plan check --since 据此逐个核对提交。
# signingKeys（plan.yaml 中 ownership: signed 时）：代表牵头办公室或某单位签名的密钥，
# 每个为 .pub 文件中的一行 SSH 公钥或 OpenPGP 指纹，例如
#   signingKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… li@finance"]
office:
  # 牵头办公室${who}：负责 plan.yaml、units.yaml、tasks/
  # 及计划文件夹以外的所有文件，可代任何单位登记进展（代收报表）。
  maintainers: []
  # signingKeys: []
`
    : `# maintainers: who may change the unit's status file (git e-mail addresses or
# forge user names). \`plan codeowners\` turns them into CODEOWNERS and
# \`plan check --since\` checks every commit against them.
# signingKeys (with \`ownership: signed\` in plan.yaml): the keys whose signatures
# speak for the office or a unit, each an SSH public key as in its .pub file or
# an OpenPGP fingerprint, e.g.
#   signingKeys: ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA… li@finance"]
office:
  # The office that runs the plan${who}:
  # it owns plan.yaml, units.yaml, tasks/ and every file outside the plan folder,
  # and may record any unit's progress (it collects the forms on their behalf).
  maintainers: []
  # signingKeys: []
`;
}

/**
 * An imported plan's plan.yaml and units.yaml with what \`plan init\` writes for the example:
 * review and the signing set-up after warnDays (or at the end), the office block before \`units:\`.
 * A key the files already have is left as it is.
 */
export function withRepositorySettings(planText: string, unitsText: string, lang: Lang, office?: { id: string; short?: string; name?: string }): { plan: string; units: string } {
  let plan = planText;
  if (!/^review:/m.test(plan) && !/^#? ?ownership:/m.test(plan)) {
    const settings = `${planSettings(lang)}\n`;
    const warn = /^warnDays:.*\n/m.exec(plan);
    plan = warn ? plan.slice(0, warn.index + warn[0].length) + settings + plan.slice(warn.index + warn[0].length) : `${plan.replace(/\n?$/, '\n')}${settings}`;
  }
  let units = unitsText;
  const list = /^units:/m.exec(units);
  if (!/^office:/m.test(units)) units = list ? units.slice(0, list.index) + officeBlock(lang, office) + units.slice(list.index) : `${units.replace(/\n?$/, '\n')}${officeBlock(lang, office)}`;
  return { plan, units };
}

/**
 * A small plan that shows every part of the format and passes `plan check`:
 * made up, says so, and dated from the day of `plan init` so that nothing in
 * it is overdue on the first day.
 */
/** `office`: the issuing office's full name (plan init --office), signed under every document. */
export function examplePlan(today: string, office = '示例县人民政府办公室'): Map<string, string> {
  const name = JSON.stringify(office);
  const d = (days: number): string => addDays(today, days);
  const files = new Map<string, string>();
  files.set(
    'plan.yaml',
    `${schemaComment('plan', 1)}
# 示例方案：由 \`plan init\` 写入，供各命令演示。请换成本地的实施方案：
# plan import <方案文件> --out plan --force
id: example-plan
title: 示例工作方案
document: 示例〔${today.slice(0, 4)}〕1号
# 发文机关全称：通报、催办通知的落款。
issuer: ${name}
signed: ${today}
timezone: Asia/Shanghai
# 报表、通知使用方案的语言（中文），--lang 或系统语言设置可另行指定。
lang: zh
${planSettings('zh')}
# 距完成时限几天时未完成任务标为黄色（临期）。
warnDays: 14
span:
  start: ${today}
  end: ${d(365)}
# 报送节点：各单位报送推进情况的日期及报送对象。
checkpoints:
  - date: ${d(45)}
    reporters: [towns, leads]
    recipient: office
`,
  );
  files.set(
    'units.yaml',
    `${schemaComment('units', 1)}
# 计划中的单位，以及分派任务的单位组。
${officeBlock('zh', { id: 'office', short: '县政府办' })}units:
  - id: office
    name: ${name}
    short: 县政府办
    kind: county-department
    maintainers: []
  - id: finance
    name: 示例县财政局
    short: 县财政局
    kind: county-department
    maintainers: []
  - id: town-east
    name: 东镇人民政府
    short: 东镇
    kind: town
    maintainers: []
  - id: town-west
    name: 西镇人民政府
    short: 西镇
    kind: town
    maintainers: []
groups:
  - id: towns
    name: 各镇人民政府
    aliases: [各镇]
    members: [town-east, town-west]
`,
  );
  files.set(
    'tasks/1.yaml',
    `${schemaComment('tasks', 2)}
section: "一"
heading: "示例任务"
tasks:
  - id: "1.1"
    title: "明确工作责任"
    text: "各镇、各单位确定1名负责同志，报县政府办备案。"
    lead: [office]
    responsible: [towns, finance]
    deadline: ${d(30)}
    deadlineText: "${d(30)}前"
  - id: "1.2"
    title: "公开预决算信息"
    text: "按规定公开本级预决算信息。"
    lead: [finance]
    responsible: [towns]
    deadline: ${d(90)}
    deadlineText: "${d(90)}前"
  - id: "1.3"
    title: "常态化开展政策解读"
    text: "重要政策出台后及时解读。"
    lead: [office]
    responsible: [towns, finance]
    # （示例）原文未规定完成时限：作为明确的例外，在报送节点检查。
    ongoing: true
    reviewOn: [${d(45)}]
    deadlineNote: "原文未规定完成时限，在报送节点检查落实情况。"
`,
  );
  return files;
}

/**
 * An example scoring policy for `plan score`, commented in the plan's language. plan-ledger has
 * no policy of its own: the file says it is an example (`example: true`, which keeps the scores
 * out of the 通报, the site and the workbook) until the office makes the rules its own.
 */
export function exampleScoring(lang: Lang): string {
  const head =
    lang === 'zh'
      ? `# 由 \`plan init\` 写的示例：以下分值均为虚构，不是任何标准。
# plan score 按本单位的考核评分细则计分：请把下面每条规则改为本单位的办法，或删除本文件。
# 示例期间（example: true）通报、网站和台账工作簿不列考核情况，plan score 注明按示例规则评分；
# 规则改好后删去 example: true 一行即采用。
#
# 事件（event）：closed-on-time 按时办结，closed-late 逾期办结，open-overdue 逾期未办结
# （超过现行时限仍未完成），returned 退回，extension-granted 同意延期，extension-denied
# 不同意延期，report-on-time 按时报送，report-late 逾期报送，report-missing 未报送
# （各报送节点登记在 returns: 中的报表）。
# role：lead（牵头）或 responsible（责任/配合）；不写则两者都适用。
# 逾期类事件可按天（per: day）或按周（per: week，不足一周按一周）计分，可按逾期天数分段
# （days: { min: 8, max: 30 }），可设单次上限（cap: 10）。
# 同一事项不得同时适用两条规则：plan check 会指出位置。
example: true
title: 示例考核评分细则（示例，请按本单位考核办法修改）
base: 100
# floor: 60            # 总分最低不低于此分
# public: true         # 公开网站（plan site --public）也显示评分
`
      : `# AN EXAMPLE written by \`plan init\`: these figures are made up, not a standard.
# plan score applies whatever your office's own assessment scheme (考核评分细则)
# says: replace every rule below with yours, or delete this file.
# While it is an example (example: true) the 通报, the site and the workbook leave
# the scores out and plan score says the rules are the example's; once the rules
# are yours, delete the line example: true to adopt them.
#
# Events: closed-on-time, closed-late, open-overdue (still open past the deadline
# in force), returned (退回), extension-granted, extension-denied, report-on-time,
# report-late, report-missing (forms recorded in returns: at each checkpoint).
# role: lead (牵头) or responsible (责任/配合); without role a rule is for both.
# The late events may score per day or per started week (per: week), in bands of
# days late (days: { min: 8, max: 30 }), with a cap on one occurrence (cap: 10).
# Two rules may never apply to the same occurrence: plan check says where.
example: true
title: 示例考核评分细则（示例，请按本单位考核办法修改）
base: 100
# floor: 60            # no total below this
# public: true         # also on the public site (plan site --public)
`;
  const capsComment = lang === 'zh' ? '# 每个单位每种事件合计最多加减的分数。' : '# The most points one event can move for a unit in total.';
  return `${schemaComment('scoring', 1)}
${head}rules:
  - event: closed-on-time
    role: lead
    points: 2
  - event: closed-on-time
    role: responsible
    points: 1
  - event: closed-late
    role: lead
    per: day
    points: -1
    cap: 10
  - event: closed-late
    role: responsible
    per: day
    points: -0.5
    cap: 5
  - event: open-overdue
    per: week
    points: -2
    cap: 10
  - event: returned
    points: -1
  - event: extension-granted
    points: -0.5
  - event: report-late
    per: day
    points: -0.5
    cap: 3
  - event: report-missing
    points: -3
${capsComment}
caps:
  returned: 5
`;
}

export const CI_PATHS: Record<Forge, string> = { github: '.github/workflows/plan.yml', gitlab: '.gitlab-ci.yml', gitea: '.gitea/workflows/plan.yml' };

/**
 * Every change is checked (and, in a merge request, every commit against the
 * owners of the files it changes); once a day the overdue list fails the
 * scheduled run, the reminders are written and the site is published.
 * 01:00 UTC is 09:00 in Asia/Shanghai.
 */
export function ciFile(forge: Forge, lang: Lang): string {
  if (forge === 'gitlab') return lang === 'zh' ? GITLAB.replace(/^(#[^\n]*\n)+/, GITLAB_HEAD_ZH) : GITLAB;
  return actions(forge, lang);
}

const GITLAB_HEAD_ZH = `# 由 \`plan init\` 生成。每次改动：plan check；合并请求中，逐个提交核对
# 所改文件的维护人。按 CI/CD → Schedules 设定的时间（如 "0 9 * * *"，北京时间）：
# 生成催办通知、发布进展网站（GitLab Pages），有逾期事项时流水线显示失败。
`;

function actions(forge: 'github' | 'gitea', lang: Lang): string {
  // Gitea runs GitHub's actions; it has no Pages, so the site is kept as an artifact there.
  const publish =
    forge === 'github'
      ? `      - uses: actions/upload-pages-artifact@v3
        with:
          path: public
  deploy-site:
    needs: scheduled
    runs-on: ubuntu-latest
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
    steps:
      - uses: actions/deploy-pages@v4
`
      : `      - uses: actions/upload-artifact@v3
        with:
          name: site
          path: public
`;
  const head =
    lang === 'zh'
      ? `# 由 \`plan init\` 生成。每次改动：plan check；拉取请求中，逐个提交核对所改文件的维护人。
# 每天 09:00（北京时间）：生成催办通知、发布进展网站，有逾期事项时运行显示失败。
`
      : `# Written by \`plan init\`. Every change: plan check; in a pull request, every
# commit against the owners of the files it changes. Every day at 09:00
# (Asia/Shanghai): reminders, the progress site, and a red run while anything is overdue.
`;
  return `${head}name: plan
on:
  push:
  pull_request:
  schedule:
    - cron: "0 1 * * *"
  workflow_dispatch:
jobs:
  check:
    if: github.event_name == 'push' || github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx plan check --format github
      - run: npx plan codeowners --forge ${forge} --check
      - if: github.event_name == 'pull_request'
        run: npx plan check --format github --since "origin/$GITHUB_BASE_REF"
  scheduled:
    if: github.event_name == 'schedule' || github.event_name == 'workflow_dispatch'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npx plan remind --out reports/reminders
      - run: npx plan site --public --out public
      - run: npx plan overdue --fail
${publish}`;
}

const GITLAB = `# Written by \`plan init\`. Every change: plan check; in a merge request, every
# commit against the owners of the files it changes. On the schedule set in
# CI/CD → Schedules (e.g. "0 9 * * *", Asia/Shanghai): reminders, the progress
# site (GitLab Pages), and a red pipeline while anything is overdue.
default:
  image: node:20
  before_script:
    - npm ci
variables:
  GIT_DEPTH: 0
check:
  rules:
    - if: $CI_PIPELINE_SOURCE != "schedule"
  script:
    - npx plan check
    - npx plan codeowners --forge gitlab --check
merge-request:
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - git fetch origin "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
    - npx plan check --since "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"
overdue:
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
  script:
    - npx plan remind --out reports/reminders
    - npx plan overdue --fail
  artifacts:
    when: always
    paths: [reports/reminders]
pages:
  rules:
    - if: $CI_PIPELINE_SOURCE == "schedule"
  script:
    - npx plan site --public --out public
  artifacts:
    paths: [public]
`;

/** Lock and temporary files of every write (`.<name>.lock`, `.<name>.<pid>.<time>.tmp`, older forms too) never reach git. */
export const GITIGNORE = `node_modules/
# plan update's locks and temporary files
*.lock
.*.lock
*.tmp
.*.tmp
*.tmp.*
# the journal of an edit of several files, while it runs (never to be committed)
.plan-ledger-journal.json
# generated by the scheduled job
public/
reports/reminders/
`;

/** `plan-ledger`'s entry is what installs this same copy (see load/own-package.ts installSpec), not a guess at a version. */
export function packageJson(name: string, planLedger: string): string {
  return `${JSON.stringify(
    {
      name,
      private: true,
      description: 'A work plan kept as a ledger with plan-ledger',
      scripts: { check: 'plan check', status: 'plan status' },
      devDependencies: { 'plan-ledger': planLedger },
    },
    null,
    2,
  )}\n`;
}

/** The README's example update: a unit of the plan and a task assigned to it, as the clerk would type them. */
export interface UpdateExample {
  unit: string;
  task: string;
}

export function readme(title: string, forge: Forge, lang: Lang, example?: UpdateExample): string {
  const update = example === undefined ? (lang === 'zh' ? '<单位> <任务编号>' : '<unit> <task>') : `${shellWord(example.unit)} ${shellWord(example.task)}`;
  if (lang === 'zh') {
    return `# ${title}

用 [plan-ledger](https://www.npmjs.com/package/plan-ledger) 管理的工作台账。

\`\`\`sh
npm install            # 首次：安装 plan 命令
npx plan status        # 任务进度表
npx plan check         # 每次改动时 CI 运行的检查
\`\`\`

各单位在本单位的文件 \`plan/status/<单位编号>.yaml\` 中填报进展：

\`\`\`sh
npx plan update ${update} --state done --evidence https://… --commit
\`\`\`

谁能改什么：见 \`plan/units.yaml\` 中的 \`maintainers\`（或用 \`npx plan unit maintainers\` 修改），
改后运行 \`npx plan codeowners --forge ${forge} --out CODEOWNERS\`。CI 文件（${CI_PATHS[forge]}）
检查每次改动，拒绝改动其他单位文件的合并请求；每天生成催办通知、发布进展网站，
有逾期事项时显示失败。
`;
  }
  return `# ${title}

The work plan as a ledger, kept with [plan-ledger](https://www.npmjs.com/package/plan-ledger).

\`\`\`sh
npm install            # once: installs the plan command
npx plan status        # the deadline table
npx plan check         # what CI runs on every change
\`\`\`

A unit records its progress in its own file, \`plan/status/<unit>.yaml\`:

\`\`\`sh
npx plan update ${update} --state done --evidence https://… --commit
\`\`\`

Who may change what: \`maintainers\` in \`plan/units.yaml\`; after changing them run
\`npx plan codeowners --forge ${forge} --out CODEOWNERS\`. The CI file (${CI_PATHS[forge]})
checks every change, rejects a merge request that changes another unit's file, and once
a day writes reminders, publishes the progress site and fails while anything is overdue.
`;
}

/** A word as a POSIX shell reads it back: bare when it is plain, else in single quotes. */
export function shellWord(word: string): string {
  return /^[\p{L}\p{N}_.,:/@+-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
