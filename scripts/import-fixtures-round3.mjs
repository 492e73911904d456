/**
 * The made-up test documents of round three of `plan import` (issue 25), written from the
 * description of each class of document that failed, never from a real document. Imported by
 * make-import-fixtures.mjs, which writes the files; kept apart so the documents read as documents.
 *
 * A document is a list of blocks: a string is a paragraph; { table: rows } a table whose cells are
 * strings, or { text, rows: n } for a cell merged over n rows, or { text, cols: n } across n columns.
 */

/** One document written in every form: txt, flattened txt, HTML, .docx and PDF by LibreOffice; its table as .xlsx and .csv. */
export const everyForm = {
  stem: 'every-form',
  blocks: [
    '白杨县人民政府办公室文件',
    '白政办发〔2024〕9号',
    '白杨县人民政府办公室关于印发白杨县2024年乡村环境整治工作方案的通知',
    '各乡镇人民政府，县直各有关单位：',
    '现将《白杨县2024年乡村环境整治工作方案》印发给你们，请认真组织实施。',
    '白杨县人民政府办公室',
    '2024年2月20日',
    '白杨县2024年乡村环境整治工作方案',
    '一、工作目标',
    '到2024年底，全县村庄环境明显改善，群众满意度稳步提升。',
    '二、重点任务',
    '（一）治理生活垃圾',
    '1.健全垃圾收运体系。每个行政村配备保洁员，2024年6月底前实现收运全覆盖。（县住建局牵头，各乡镇人民政府负责）',
    '2.开展垃圾分类试点。',
    '在县城周边选取5个村开展试点，总结经验后逐步推开。',
    '（县住建局、县生态环境分局负责）',
    '（二）整治生活污水',
    '推进污水管网向村庄延伸，2024年10月底前完成3个中心村管网建设。',
    '（县水利局、县住建局负责。列第一位者为牵头单位，下同）',
    '加强农村改厕后续管护，建立长效管护机制。',
    '（县农业农村局、各乡镇人民政府负责）',
    '三、任务分工',
    {
      title: '白杨县2024年乡村环境整治任务分工表',
      table: [
        ['序号', '重点任务', '工作措施', '责任单位', '完成时间'],
        ['1', { text: '提升村容村貌', rows: 2 }, '清理房前屋后乱堆乱放', '县农业农村局牵头，各乡镇人民政府配合', '2024年5月底前'],
        ['2', '整治沿路废旧房屋', '县住建局', '2024年9月30日'],
        ['3', '强化宣传引导', '开展美丽庭院评比', '县妇联、县文明办', '每季度开展'],
      ],
    },
    '四、保障措施',
    '各乡镇、各有关部门要于2024年7月5日、12月5日前将工作进展情况报县政府办公室。',
  ],
  facts: { title: '白杨县2024年乡村环境整治工作方案', document: '白政办发〔2024〕9号', issuer: '白杨县人民政府办公室', signed: '2024-02-20' },
  tasks: [
    { find: '健全垃圾收运体系', lead: ['县住建局'], responsible: ['各乡镇人民政府'], deadline: '2024-06-30' },
    { find: '开展垃圾分类试点', lead: ['县住建局'], responsible: ['县生态环境分局'], deadline: 'none' },
    { find: '推进污水管网向村庄延伸', lead: ['县水利局'], responsible: ['县住建局'], deadline: '2024-10-31' },
    { find: '加强农村改厕后续管护', lead: ['县农业农村局'], responsible: ['各乡镇人民政府'], deadline: 'none' },
    { find: '清理房前屋后乱堆乱放', lead: ['县农业农村局'], responsible: ['各乡镇人民政府'], deadline: '2024-05-31', table: true },
    { find: '整治沿路废旧房屋', lead: [], responsible: ['县住建局'], deadline: '2024-09-30', table: true },
    { find: '开展美丽庭院评比', lead: [], responsible: ['县妇联', '县文明办'], deadline: 'ongoing', table: true },
  ],
};

/** The State Council's layout: the owner note stands in its own paragraph after the task. */
export const noteParagraph = {
  stem: 'note-paragraph',
  class: 'note in its own paragraph',
  blocks: [
    '国务院办公厅关于印发扩大内需若干措施分工方案的通知',
    '国办函〔2024〕31号',
    '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
    '《扩大内需若干措施分工方案》已经国务院同意，现印发给你们，请认真贯彻执行。',
    '国务院办公厅',
    '2024年5月6日',
    '扩大内需若干措施分工方案',
    '一、促进消费提质升级',
    '（一）提振大宗消费。',
    '推动汽车消费由购买管理向使用管理转变，有序放宽购车限制。',
    '（商务部、公安部负责）',
    '支持居民更新家居产品，开展以旧换新活动，2024年12月底前形成长效机制。',
    '（商务部、工业和信息化部、市场监管总局按职责分工负责）',
    '（二）培育服务消费。',
    '1.扩大文化和旅游消费。',
    '丰富夜间文旅产品供给。',
    '推出一批特色旅游线路。',
    '（文化和旅游部、商务部负责）',
    '2.发展养老托育服务。增加普惠性服务供给，2024年9月底前出台支持政策。',
    '（民政部、国家卫生健康委、国家发展改革委负责）',
    '二、扩大有效投资',
    '加快地方政府专项债券发行使用，持续推进。',
    '（财政部、国家发展改革委负责，各省级人民政府落实）',
    '各地区、各部门要于2024年7月10日、2025年1月10日前将落实情况报国务院办公厅。',
  ],
  facts: { document: '国办函〔2024〕31号', issuer: '国务院办公厅', signed: '2024-05-06' },
  tasks: [
    { find: '推动汽车消费由购买管理', lead: ['商务部'], responsible: ['公安部'], deadline: 'none' },
    { find: '支持居民更新家居产品', lead: ['商务部'], responsible: ['工业和信息化部', '市场监管总局'], deadline: '2024-12-31' },
    { find: '丰富夜间文旅产品供给', lead: ['文化和旅游部'], responsible: ['商务部'], deadline: 'none' },
    { find: '发展养老托育服务', lead: ['民政部'], responsible: ['国家卫生健康委', '国家发展改革委'], deadline: '2024-09-30' },
    { find: '加快地方政府专项债券', lead: ['财政部'], responsible: ['国家发展改革委', '各省级人民政府'], deadline: 'none' },
  ],
};

/** Tables whose columns are named with other words, a merged first column, a number column under a spanning header, roles in a cell. */
export const tableWords = {
  stem: 'table-words',
  class: 'tables in any form',
  blocks: [
    '红枫县市场监督管理局关于印发2024年食品安全工作要点的通知',
    '红市监发〔2024〕3号',
    '局机关各股室，各市场监管所：',
    '现将《红枫县市场监督管理局2024年食品安全工作要点》印发给你们，请抓好落实。',
    '红枫县市场监督管理局',
    '2024年3月12日',
    '红枫县市场监督管理局2024年食品安全工作要点',
    {
      table: [
        ['重点任务', '工作措施', '责任股室', '完成时间'],
        [{ text: '加强校园食品安全监管', rows: 3 }, '开展春季学校食堂全覆盖检查', '食品生产股', '2024年4月30日前'],
        ['推行校园食堂“互联网+明厨亮灶”', '综合股牵头，各股室配合', '2024年8月底前'],
        ['组织校园周边食品经营者培训', '食品经营股', '2024年6月底前'],
        ['强化农村集体聚餐管理', '建立聚餐备案登记制度', '各市场监管所', '长期坚持'],
      ],
    },
    '二、具体分工',
    {
      table: [
        [{ text: '具体要求', cols: 2 }, '承办单位', '时限要求'],
        ['1', '完成年度食品抽检计划', '食品抽检股、各市场监管所', '2024年11月底前'],
        ['2', '做好投诉举报处置', '消费者权益保护股', '2024年12月31日前'],
      ],
    },
  ],
  facts: { document: '红市监发〔2024〕3号', issuer: '红枫县市场监督管理局', signed: '2024-03-12' },
  tasks: [
    { find: '开展春季学校食堂全覆盖检查', lead: [], responsible: ['食品生产股'], deadline: '2024-04-30' },
    { find: '明厨亮灶', lead: ['综合股'], responsible: ['各股室'], deadline: '2024-08-31' },
    { find: '组织校园周边食品经营者培训', lead: [], responsible: ['食品经营股'], deadline: '2024-06-30' },
    { find: '建立聚餐备案登记制度', lead: [], responsible: ['各市场监管所'], deadline: 'ongoing' },
    { find: '完成年度食品抽检计划', lead: [], responsible: ['食品抽检股', '各市场监管所'], deadline: '2024-11-30' },
    { find: '做好投诉举报处置', lead: [], responsible: ['消费者权益保护股'], deadline: '2024-12-31' },
  ],
};

/** Text that lost its line breaks: a heading runs into the unit list before it. */
export const flattenedHeading = {
  stem: 'flattened-heading',
  class: 'flattened text',
  text:
    '桂川区人民政府办公室关于印发桂川区2024年城市更新工作方案的通知桂政办发〔2024〕12号各街道办事处，区直各部门：现将《桂川区2024年城市更新工作方案》印发给你们，请认真贯彻执行。桂川区人民政府办公室2024年4月2日桂川区2024年城市更新工作方案一、实施老旧小区改造（一）完成年度改造任务。2024年11月底前完成12个小区改造。责任单位：区住建局二、优化营商环境（一）压缩工程建设审批时间。全流程审批时间压减至60个工作日以内。牵头单位：区行政审批局；责任单位：区住建局、区自然资源局；完成时限：2024年6月底前（二）推行“拿地即开工”。责任单位：区自然资源局三、完善城市功能（一）新建口袋公园。年内建成口袋公园5个。责任单位：区城管局、各街道办事处四、保障措施（一）加强统筹调度。各街道、各部门要于2024年7月5日前将工作进展情况报区政府办公室。\n',
  facts: { document: '桂政办发〔2024〕12号', signed: '2024-04-02' },
  tasks: [
    { find: '完成年度改造任务', lead: [], responsible: ['区住建局'], deadline: '2024-11-30' },
    { find: '压缩工程建设审批时间', lead: ['区行政审批局'], responsible: ['区住建局', '区自然资源局'], deadline: '2024-06-30' },
    { find: '拿地即开工', lead: [], responsible: ['区自然资源局'], deadline: 'none' },
    { find: '新建口袋公园', lead: [], responsible: ['区城管局', '各街道办事处'], deadline: '2024-12-31' },
  ],
};

/** Names kept as the document writes them: 各有关部门和单位 whole, a shared prefix written once left as written. */
export const namesAsWritten = {
  stem: 'names-as-written',
  class: 'names as written',
  text: [
    '青川区人民政府办公室关于印发青川区2024年节能降碳工作方案的通知',
    '青政办〔2024〕7号',
    '青川区2024年节能降碳工作方案',
    '一、重点任务',
    '1.推进工业节能改造。完成10家重点企业节能诊断，2024年9月底前完成。（牵头单位：区工信局；责任单位：各有关部门和单位）',
    '2.开展公共机构节能。（牵头单位：区机关事务中心；责任单位：区发改局、财政局、教育局；完成时限：2024年12月底前）',
    '3.推广绿色出行。（责任单位：区交通运输局、各有关部门和单位；完成时限：长期坚持）',
    '',
    '青川区人民政府办公室',
    '2024年3月1日',
  ].join('\n'),
  facts: { document: '青政办〔2024〕7号', issuer: '青川区人民政府办公室', signed: '2024-03-01' },
  tasks: [
    { find: '推进工业节能改造', lead: ['区工信局'], responsible: ['各有关部门和单位'], deadline: '2024-09-30' },
    { find: '开展公共机构节能', lead: ['区机关事务中心'], responsible: ['区发改局', '财政局', '教育局'], deadline: '2024-12-31' },
    { find: '推广绿色出行', lead: [], responsible: ['区交通运输局', '各有关部门和单位'], deadline: 'ongoing' },
  ],
};

/** A plan with no checkpoint, no year and no date anywhere: every import still loads. */
export const loadsWithoutFacts = {
  stem: 'loads-without-facts',
  class: 'every import loads',
  text: [
    '关于做好河湖日常巡查工作的安排',
    '一、工作任务',
    '1.落实河长巡河制度。各级河长按规定频次巡河。（各镇人民政府负责）',
    '2.清理河道垃圾。做到发现一处、清理一处。（县水务局牵头，各镇人民政府配合）',
    '3.加强水质监测。定期发布监测结果。（县生态环境分局负责，持续推进）',
    '4.完善巡查台账。（完成时限：另行通知）',
  ].join('\n'),
  tasks: [
    { find: '落实河长巡河制度', lead: ['各镇人民政府'], responsible: [], deadline: 'none' },
    { find: '清理河道垃圾', lead: ['县水务局'], responsible: ['各镇人民政府'], deadline: 'none' },
    { find: '加强水质监测', lead: ['县生态环境分局'], responsible: [], deadline: 'ongoing' },
    // No owner in the document: a placeholder group, marked as such, for a person to replace.
    { find: '完善巡查台账', lead: [], responsible: ['（原文未写明责任单位）'], deadline: 'ongoing' },
  ],
};

/** The office's full name: the letterhead (版头) and the 发文机关 say it; the signature may shorten it. */
export const issuerFullName = {
  stem: 'issuer-full-name',
  class: 'the office’s full name',
  text: [
    '石门县人民政府办公室文件',
    '石政办发〔2024〕15号',
    '关于印发石门县2024年防汛抗旱工作方案的通知',
    '各乡镇人民政府，县直各单位：',
    '现将《石门县2024年防汛抗旱工作方案》印发给你们，请认真贯彻落实。',
    '石门县2024年防汛抗旱工作方案',
    '一、主要任务',
    '1.修订防汛应急预案。2024年4月底前完成。（县应急管理局牵头，县水利局配合）',
    '2.储备防汛物资。（县应急管理局、县粮食和物资储备中心负责，2024年5月15日前完成）',
    '',
    '县政府办公室',
    '2024年3月20日',
  ].join('\n'),
  facts: { document: '石政办发〔2024〕15号', issuer: '石门县人民政府办公室', signed: '2024-03-20' },
  tasks: [
    { find: '修订防汛应急预案', lead: ['县应急管理局'], responsible: ['县水利局'], deadline: '2024-04-30' },
    { find: '储备防汛物资', lead: ['县应急管理局'], responsible: ['县粮食和物资储备中心'], deadline: '2024-05-15' },
  ],
};
