import { SURVEY_MESSAGES } from '../surveys/messages';
import { LIAISON_WORK_MESSAGES } from '../liaison-work/messages';
import { FEEDBACK_MESSAGES } from '../feedback/messages';
import { PROPOSAL_MESSAGES } from '../proposals/messages';
import { termZh } from './terms-zh';

/**
 * The rules' messages in the admin's two languages. A rule names its error by message id
 * and values (`fieldError('termEnd', 'date.after', { field: 'termStart' })`); the answer
 * says it in the request's language and carries the id (`liaison.error.<id>`) and values.
 * Capabilities add their messages here (prefixed by the capability, at the end).
 */
export type Lang = 'en' | 'zh-Hans';

type Bilingual = { en: string; 'zh-Hans': string };

export const MESSAGES = {
  required: { en: 'is required', 'zh-Hans': '为必填项' },
  'unique.taken': { en: 'is already taken by another record', 'zh-Hans': '已被其他记录使用' },
  'unique.together': { en: 'already has a record for this {field}', 'zh-Hans': '在此{field}下已有记录' },
  'date.after': { en: 'must be after {field}', 'zh-Hans': '须晚于{field}' },
  'date.onOrAfter': { en: 'must be on or after {field}', 'zh-Hans': '不得早于{field}' },
  'date.format': { en: 'must be a date written yyyy-MM-dd', 'zh-Hans': '须为日期，格式为 yyyy-MM-dd' },
  'datetime.format': { en: 'must be a date and time (ISO 8601)', 'zh-Hans': '须为日期和时间（ISO 8601 格式）' },
  'post.holder': { en: 'a post must be held by an alumnus', 'zh-Hans': '岗位须由一位校友担任' },
  'post.scopeMissing': { en: 'a {dimension} post needs its {field}', 'zh-Hans': '{dimension}维度的岗位须指定{field}' },
  'post.scopeExtra': { en: 'a {dimension} post cannot have a {field}', 'zh-Hans': '{dimension}维度的岗位不能指定{field}' },
  'post.industryReason': {
    en: 'industry liaisons enter by nomination with a stated reason',
    'zh-Hans': '行业联络员须经举荐产生，并写明举荐理由',
  },
  'post.endedTermEnd': { en: 'an ended post needs the date its term ended', 'zh-Hans': '已卸任的岗位须填写任期结束日期' },
  'post.endedReason': { en: 'an ended post needs the reason it ended', 'zh-Hans': '已卸任的岗位须填写卸任原因' },
  'event.registrationAfterEnd': {
    en: 'registration cannot close after the event is over',
    'zh-Hans': '报名截止时间不能晚于活动结束',
  },
  'event.url': { en: 'must be an http(s) address', 'zh-Hans': '须为 http(s) 网址' },
  'event.organisers': {
    en: 'an event has one organiser: {fields} are both set',
    'zh-Hans': '一个活动只有一个主办方：不能同时填写{fields}',
  },
  'event.venue': {
    en: 'a published event needs a venue or an online link',
    'zh-Hans': '发布的活动须有举办地点或线上链接',
  },
  'story.cohortYears': {
    en: 'must be a list of graduation years between 1900 and 2100',
    'zh-Hans': '须为 1900 至 2100 年之间的毕业年份列表',
  },
  'story.tags': {
    en: 'must be a list of tags: lower-case letters, digits and hyphens, at most 40 characters each',
    'zh-Hans': '须为标签列表：小写字母、数字和连字符，每个不超过 40 个字符',
  },
  'story.consent': { en: '{name} has not consented to publication', 'zh-Hans': '{name}未同意公开发布' },
  // assignment: the post lifecycle, quotas, appointment
  'assignment.scopeFull': { en: 'the scope is full: {occupied} of its {posts} posts are taken', 'zh-Hans': '该范围岗位已满：{posts} 个岗位中已有 {occupied} 个被占用' },
  'assignment.overlap': {
    en: 'already holds or is nominated for a post in this scope ({post}, {from} – {to}) whose term overlaps',
    'zh-Hans': '已在此范围担任或被提名一个任期重叠的岗位（{post}，{from} – {to}）',
  },
  'assignment.approveStatus': { en: 'only a nominated post can be approved (this one is {status})', 'zh-Hans': '只有已提名的岗位可以批准（此岗位为{status}）' },
  'assignment.rejectStatus': { en: 'only a nominated post can be rejected (this one is {status})', 'zh-Hans': '只有已提名的岗位可以不批准（此岗位为{status}）' },
  'assignment.renewStatus': { en: 'only an active or approved post can be renewed (this one is {status})', 'zh-Hans': '只有在任或已批准的岗位可以续任（此岗位为{status}）' },
  'assignment.endStatus': { en: 'only an active or approved post can be ended (this one is {status})', 'zh-Hans': '只有在任或已批准的岗位可以结束任期（此岗位为{status}）' },
  'assignment.termOver': {
    en: 'the term of this nomination ended on {date}: correct it before approving',
    'zh-Hans': '此提名的任期已于 {date} 结束：请先更正再批准',
  },
  'assignment.renewLater': { en: 'must be later than the current term end ({date})', 'zh-Hans': '须晚于当前任期结束日期（{date}）' },
  'assignment.rejectReason': { en: 'a rejection needs its reason', 'zh-Hans': '不批准须写明理由' },
  'assignment.nominator': { en: 'industry liaisons enter by nomination: name the nominator', 'zh-Hans': '行业联络员须经举荐产生：请填写举荐人' },
  'assignment.quotaBelow': {
    en: '{occupied} posts of this scope are taken: end terms before lowering the number below that',
    'zh-Hans': '此范围已有 {occupied} 个岗位被占用：请先结束任期，再把岗位数降到这个数以下',
  },
  'assignment.defaultBelow': {
    en: 'a scope without its own number has {worst} posts taken: end terms or set its own number first',
    'zh-Hans': '有一个未单独设定岗位数的范围已占用 {worst} 个岗位：请先结束任期或为它单独设定岗位数',
  },
  'assignment.deceasedNamed': { en: '{name} is recorded as deceased', 'zh-Hans': '{name}已登记为去世' },
  'assignment.notMember': { en: '{name} is not a member of this class', 'zh-Hans': '{name}不是本班成员' },
  'assignment.namedTwice': { en: '{name} is named twice', 'zh-Hans': '{name}被重复填写' },
  'assignment.deceased': { en: 'is recorded as deceased', 'zh-Hans': '已登记为去世' },
  'assignment.noAlumnus': { en: 'no alumnus has this documentId', 'zh-Hans': '没有此编号的校友' },
  'assignment.noAlumnusFound': { en: 'no alumnus found', 'zh-Hans': '未找到该校友' },
  'assignment.noScope': { en: 'no {dimension} scope has this documentId', 'zh-Hans': '没有此编号的{dimension}' },
  'assignment.appointee': { en: 'name the appointee by alumnus (documentId) or studentNo', 'zh-Hans': '请用校友编号或学号指明被任命人' },
  'assignment.appointees': { en: 'name at least one appointee', 'zh-Hans': '请至少填写一位被任命人' },
  'assignment.successorScope': { en: 'must be another post of the same scope', 'zh-Hans': '须为同一范围内的另一个岗位' },
  'assignment.noScopeOnPost': { en: 'this post has no scope', 'zh-Hans': '此岗位没有指定范围' },
  'assignment.requiredScope': {
    en: 'is required (the documentId of the cohort, college, chapter or industry group)',
    'zh-Hans': '为必填项（年级、学院、地区校友会或行业校友组织的编号）',
  },
  'assignment.requiredAlumnus': { en: 'is required (the documentId of an alumnus)', 'zh-Hans': '为必填项（校友编号）' },
  'assignment.requiredDocumentId': { en: 'is required (a documentId)', 'zh-Hans': '为必填项（编号）' },
  'assignment.requiredDate': { en: 'is required, written yyyy-MM-dd', 'zh-Hans': '为必填项，格式为 yyyy-MM-dd' },
  'assignment.requiredWithScope': { en: 'is required with a scope', 'zh-Hans': '指定范围时为必填项' },
  'assignment.alumnusId': { en: 'must be the documentId of an alumnus', 'zh-Hans': '须为校友编号' },
  'assignment.postId': { en: 'must be the documentId of another post', 'zh-Hans': '须为另一个岗位的编号' },
  'assignment.defaultNetworkOnly': {
    en: "only staff of the whole network set a dimension's default",
    'zh-Hans': '只有负责整个校友网络的工作人员才能设置维度的默认岗位数',
  },
  'common.oneOf': { en: 'must be one of {list}', 'zh-Hans': '须为以下之一：{list}' },
  'common.requiredOneOf': { en: 'is required: one of {list}', 'zh-Hans': '为必填项，须为以下之一：{list}' },
  'common.documentId': { en: 'must be a documentId', 'zh-Hans': '须为编号' },
  'common.object': { en: 'must be an object of named fields', 'zh-Hans': '须为由字段组成的对象' },
  'common.list': { en: 'must be a list', 'zh-Hans': '须为列表' },
  'common.number': { en: 'must be a number', 'zh-Hans': '须为数字' },
  'common.atLeast': { en: 'must be at least {min}', 'zh-Hans': '不得小于 {min}' },
  'common.atMost': { en: 'must be at most {max}', 'zh-Hans': '不得大于 {max}' },
  'common.invalid': { en: 'is not valid', 'zh-Hans': '格式不正确' },
  'common.once': { en: 'must be given once, as text', 'zh-Hans': '只能填写一次，且须为文字' },
  'common.boolean': { en: 'must be true or false', 'zh-Hans': '须为“是”或“否”' },
  'common.nul': { en: 'must not contain a NUL character', 'zh-Hans': '不能包含 NUL 字符' },
  'date.notBefore': { en: 'must not be before {field}', 'zh-Hans': '不得早于{field}' },
  'common.text': { en: 'must be text', 'zh-Hans': '须为文字' },
  'common.maxLength': { en: 'must be at most {max} characters', 'zh-Hans': '最多 {max} 个字' },
  'common.wholeNumber': { en: 'must be a whole number from {min} to {max}', 'zh-Hans': '须为 {min} 至 {max} 之间的整数' },
  // access: scoped staff
  'access.scope': { en: 'this scope is outside the colleges you work for', 'zh-Hans': '此范围不在您负责的学院之内' },
  'access.outside': { en: 'outside your colleges and chapters', 'zh-Hans': '不在您负责的学院和校友会范围内' },
  'access.otherChapter': { en: 'belongs to a chapter that is not yours', 'zh-Hans': '属于不由您编辑的校友会' },
  'access.noChapter': { en: 'must belong to one of your chapters', 'zh-Hans': '须属于您编辑的校友会之一' },
  'access.holder': {
    en: 'not an alumnus of your colleges nor a member of your chapters',
    'zh-Hans': '不是您负责的学院的校友，也不是您负责的校友会的会员',
  },
  'access.unreadableQuery': {
    en: 'cannot use {field}: you may not read it on every record',
    'zh-Hans': '不能使用{field}：您无权查看每条记录的此字段',
  },
  'event.attendanceNoCapacity': { en: "needs the event's capacity to be set first", 'zh-Hans': '须先填写活动容量' },
  'event.attendanceOverCapacity': { en: 'cannot be more than the capacity ({capacity})', 'zh-Hans': '不能超过活动容量（{capacity}）' },
  // appraisal
  'appraisal.closed': { en: 'the appraisal cycle is closed: its results are frozen', 'zh-Hans': '考核周期已结束：结果已冻结，不能再修改' },
  'appraisal.criteriaList': { en: 'must be a list of at least one criterion', 'zh-Hans': '须为至少包含一项指标的列表' },
  'appraisal.criterionObject': { en: 'criterion {n} must be an object', 'zh-Hans': '第 {n} 项指标格式不正确' },
  'appraisal.criterionKey': { en: 'criterion {n} needs a key of lower-case letters, digits and _', 'zh-Hans': '第 {n} 项指标须有由小写字母、数字和下划线组成的代码' },
  'appraisal.keyTwice': { en: 'the key {key} is used twice', 'zh-Hans': '指标代码 {key} 重复' },
  'appraisal.criterionKind': { en: 'criterion {n} must be of kind measured or scored', 'zh-Hans': '第 {n} 项指标的类型须为“数据计算”或“评审打分”' },
  'appraisal.unknownMeasure': { en: 'criterion {n} names an unknown measure ({measure})', 'zh-Hans': '第 {n} 项指标引用了不存在的数据指标（{measure}）' },
  'appraisal.scoredMeasure': { en: 'criterion {n} is scored by reviewers and cannot name a measure', 'zh-Hans': '第 {n} 项指标由评审打分，不能引用数据指标' },
  'appraisal.weight': { en: 'criterion {n} needs a weight from 1 to 100', 'zh-Hans': '第 {n} 项指标的权重须在 1 至 100 之间' },
  'appraisal.weightsSum': { en: 'the weights must sum to 100 (they sum to {sum})', 'zh-Hans': '各项权重之和须为 100（现为 {sum}）' },
  'appraisal.thresholds': { en: 'must give excellent, good and pass as numbers from 0 to 100', 'zh-Hans': '须给出优秀、良好、合格三档分数线（0 至 100）' },
  'appraisal.thresholdOrder': { en: 'must be ordered: excellent above good above pass', 'zh-Hans': '须满足：优秀线高于良好线，良好线高于合格线' },
  'appraisal.scoredCriterion': { en: 'must be a scored criterion of the cycle: {list}', 'zh-Hans': '须为本周期由评审打分的指标：{list}' },
  'appraisal.needsDimension': { en: 'needs a dimension', 'zh-Hans': '须同时指定维度' },
  'appraisal.closeAction': { en: 'a cycle is closed by its close action, which mails the results', 'zh-Hans': '考核周期须通过“结束考核”操作结束（该操作会发送考核结果邮件）' },
  // honours
  'honours.notAppraised': { en: 'was not appraised in this cycle', 'zh-Hans': '未参加本周期考核' },
  'honours.grade': {
    en: '{kind} needs at least the grade {grade} in the cycle (the grade was {actual})',
    'zh-Hans': '“{kind}”须在本周期考核中至少达到“{grade}”（实际为“{actual}”）',
  },
  'honours.rulesObject': { en: 'must give a minimum grade for each honour kind', 'zh-Hans': '须为每种荣誉给出最低考核等级' },
  'honours.notKind': { en: '{kind} is not an honour kind', 'zh-Hans': '{kind}不是荣誉类型' },
  'honours.ruleGrade': { en: 'the grade for {kind} must be one of {list}', 'zh-Hans': '“{kind}”的等级须为以下之一：{list}' },
  'honours.amountNeeded': { en: '{kind} needs a positive amount', 'zh-Hans': '“{kind}”须填写大于零的金额' },
  'honours.noAmount': { en: '{kind} has no amount', 'zh-Hans': '“{kind}”不填写金额' },
  'honours.cycle': { en: 'must be the documentId of an appraisal cycle', 'zh-Hans': '须为考核周期编号' },
  'honours.namedTwice': { en: 'is named twice', 'zh-Hans': '被重复填写' },
  'honours.alumni': { en: 'name at least one alumnus', 'zh-Hans': '请至少选择一位校友' },
  'honours.open': { en: 'honours rest on final results: close the appraisal cycle first', 'zh-Hans': '荣誉须依据最终考核结果：请先结束考核周期' },
  'honours.taken': { en: 'already has this {kind} for this cycle (nominated or awarded)', 'zh-Hans': '本周期已被提名或授予该“{kind}”' },
  'honours.approveStatus': { en: 'only a nominated honour can be approved (this one is {status})', 'zh-Hans': '只有已提名的荣誉可以批准（此荣誉为{status}）' },
  'honours.rejectStatus': { en: 'only a nominated honour can be rejected (this one is {status})', 'zh-Hans': '只有已提名的荣誉可以不批准（此荣誉为{status}）' },
  // training
  'training.noConduct': { en: 'there is no code of conduct yet', 'zh-Hans': '尚未发布行为准则' },
  'training.enrolled': { en: 'is already enrolled in this session', 'zh-Hans': '已报名本场培训' },
  'training.full': { en: 'the session is full: {taken} of its {capacity} places are taken', 'zh-Hans': '本场培训名额已满：{capacity} 个名额中已有 {taken} 个被占用' },
  // website: the public API's parameters
  'website.singleValue': { en: 'must be a single value', 'zh-Hans': '须为单个值' },
  'website.datetime': { en: 'must be a date (yyyy-MM-dd) or a date and time (ISO 8601)', 'zh-Hans': '须为日期（yyyy-MM-dd）或日期和时间（ISO 8601 格式）' },
  'website.year': { en: 'must be a four-digit year', 'zh-Hans': '须为四位数年份' },
  'website.atLeast': { en: 'must be a whole number of at least {min}', 'zh-Hans': '须为不小于 {min} 的整数' },
  'website.list': { en: 'must be a list of values', 'zh-Hans': '须为值的列表' },
  'website.listOfTwo': { en: 'must be a list of two values', 'zh-Hans': '须为两个值的列表' },
  'website.listSize': { en: 'must be a list of 1 to {max} values', 'zh-Hans': '须为 1 至 {max} 个值的列表' },
  'website.operatorFor': { en: 'is not an operator for {field}', 'zh-Hans': '不是可用于{field}的筛选运算符' },
  'website.notParameter': { en: 'is not a parameter of {endpoint} (it takes {list})', 'zh-Hans': '不是{endpoint}的查询参数（可用参数：{list}）' },
  'website.notForOne': { en: 'is not a parameter of a single record', 'zh-Hans': '不是查询单条记录时可用的参数' },
  'website.publishedOnly': {
    en: 'only published content is served: leave status out (or set it to published)',
    'zh-Hans': '只提供已发布的内容：请不要填写 status（或设为 published）',
  },
  'website.populate': { en: 'must be *, a list of relations or an object', 'zh-Hans': '须为 *、关联字段列表或对象' },
  'website.notRelation': { en: 'is not a public relation ({list})', 'zh-Hans': '不是公开的关联字段（可用：{list}）' },
  'website.onlyFields': { en: 'may name only {list}', 'zh-Hans': '只能填写：{list}' },
  'website.unsupported': { en: 'is not supported on the public API', 'zh-Hans': '公开接口不支持此参数' },
  'website.paginationObject': { en: 'must be an object: page and pageSize, or start and limit', 'zh-Hans': '须为对象：page 和 pageSize，或 start 和 limit' },
  'website.notPagination': { en: 'is not a pagination parameter', 'zh-Hans': '不是分页参数' },
  'website.paginationBoth': { en: 'use page and pageSize, or start and limit, not both', 'zh-Hans': '请使用 page 和 pageSize，或 start 和 limit，不能同时使用' },
  'website.sort': { en: 'must be a field, field:asc or field:desc, or a list of them', 'zh-Hans': '须为字段、字段:asc 或字段:desc，或它们的列表' },
  'website.notSortable': { en: '{field} is not a public field that can be sorted on', 'zh-Hans': '{field}不是可用于排序的公开字段' },
  'website.direction': { en: '{key}: the direction is asc or desc', 'zh-Hans': '{key}：排序方向须为 asc 或 desc' },
  'website.fieldList': { en: 'must be a list of field names', 'zh-Hans': '须为字段名列表' },
  'website.notField': { en: '{field} is not a public field', 'zh-Hans': '{field}不是公开字段' },
  'website.listField': {
    en: '{field} is filtered with $contains (or $eq): the stories whose list includes the value',
    'zh-Hans': '{field}须用 $contains（或 $eq）筛选：即列表中包含该值的故事',
  },
  'website.notFilterable': { en: '{field} cannot be filtered on', 'zh-Hans': '{field}不能用于筛选' },
  'website.notOperator': { en: 'is not a filter operator', 'zh-Hans': '不是筛选运算符' },
  'website.filterObject': { en: 'must be an object of fields and operators', 'zh-Hans': '须为由字段和运算符组成的对象' },
  'website.tooDeep': { en: 'is nested too deeply', 'zh-Hans': '嵌套层级过深' },
  'website.filterList': { en: 'must be a list of filters', 'zh-Hans': '须为筛选条件列表' },
  'website.notFilterField': { en: 'is not a public field that can be filtered on', 'zh-Hans': '不是可用于筛选的公开字段' },
  // coverage
  'coverage.noCollege': { en: 'no college has this documentId', 'zh-Hans': '没有此编号的学院' },
  'coverage.noSector': { en: 'no industry group has this code or documentId', 'zh-Hans': '没有此代码或编号的行业校友组织' },
  'coverage.otherCollege': { en: 'you may only read the coverage of your own colleges', 'zh-Hans': '您只能查看自己负责的学院的覆盖情况' },
  'coverage.sortOnce': { en: 'must be given once, as <column>:asc|desc', 'zh-Hans': '只能填写一次，格式为 <列>:asc|desc' },
  'coverage.sort': { en: 'must be <column>:asc|desc with column one of {list}', 'zh-Hans': '格式须为 <列>:asc|desc，列须为以下之一：{list}' },
  // outbox
  'outbox.sending': { en: 'the mail is being sent right now: try again in a minute', 'zh-Hans': '这封邮件正在发送中：请稍后再试' },
  // personal data: exports, erasure, consents
  'personalData.livePost': {
    en: 'holds a live post ({posts}): end it (or reject the nomination) before erasing their data',
    'zh-Hans': '仍担任或被提名岗位（{posts}）：请先结束任期（或不批准提名），再删除其个人数据',
  },
  'personalData.erased': { en: "this alumnus' data was already erased on {date}", 'zh-Hans': '此校友的个人数据已于 {date} 删除' },
  'personalData.pdfFont': {
    en: 'the server has no font for Chinese text, so it cannot write this PDF: install one (Debian: fonts-noto-cjk) or set LIAISON_PDF_FONT, or ask for format=html',
    'zh-Hans': '服务器上没有中文字体，无法生成此 PDF：请安装中文字体（Debian：fonts-noto-cjk）或设置 LIAISON_PDF_FONT，或改用 format=html',
  },
  'personalData.future': { en: 'must not be in the future', 'zh-Hans': '不能晚于当前时间' },
  'personalData.consentNeeded': { en: 'give contact or publish (true or false)', 'zh-Hans': '请填写 contact 或 publish（true 或 false）' },
  // uploads: the media library's allowlist
  'uploads.kind': {
    en: '{name} is not a kind of file the media library takes: upload images (JPEG, PNG, GIF, WebP, AVIF), PDF, office documents, text or CSV',
    'zh-Hans': '{name} 不是媒体库接受的文件类型：请上传图片（JPEG、PNG、GIF、WebP、AVIF）、PDF、办公文档、文本或 CSV 文件',
  },
  'uploads.declared': { en: '{name} was sent as {type}, which is not what its extension says', 'zh-Hans': '{name} 以 {type} 类型发送，与其扩展名不符' },
  'uploads.content': { en: '{name} does not hold what its extension says', 'zh-Hans': '{name} 的内容与其扩展名不符' },
  // duplicates and merge
  'duplicates.score': { en: 'must be a number from 0 to 1', 'zh-Hans': '须为 0 至 1 之间的数字' },
  'duplicates.notFound': { en: 'no probable duplicate has this documentId', 'zh-Hans': '没有此编号的疑似重复记录' },
  'duplicates.noAlumnus': { en: 'no alumnus has this documentId', 'zh-Hans': '没有此编号的校友' },
  'duplicates.sameRecord': { en: 'must be another record than the one kept', 'zh-Hans': '须为与保留记录不同的另一条记录' },
  'duplicates.field': { en: 'is not a field a merge chooses (choose among {list})', 'zh-Hans': '不是合并时可选择的字段（可选：{list}）' },
  'duplicates.side': { en: "must be 'a' (the kept record) or 'b' (the merged one)", 'zh-Hans': "须为 'a'（保留的记录）或 'b'（被合并的记录）" },
  'duplicates.merged': { en: 'these two records were already merged', 'zh-Hans': '这两条记录已合并' },
  // alumni accounts
  'accounts.noAlumnus': { en: 'this sign-in belongs to no alumnus', 'zh-Hans': '此账号未关联任何校友' },
  'accounts.identify': { en: 'give your student number or your e-mail address', 'zh-Hans': '请填写学号或电子邮箱' },
  'accounts.tokenUnknown': { en: 'this link is not valid: ask for a new one', 'zh-Hans': '此链接无效：请重新申请' },
  'accounts.tokenUsed': { en: 'this link was used already: ask for a new one', 'zh-Hans': '此链接已使用过：请重新申请' },
  'accounts.tokenExpired': { en: 'this link has expired: ask for a new one', 'zh-Hans': '此链接已过期：请重新申请' },
  'accounts.passwordLength': { en: 'must be {min} to {max} characters long', 'zh-Hans': '长度须为 {min} 至 {max} 个字符' },
  'accounts.passwordWeak': {
    en: 'is too easy to guess: mix letters with digits or signs, and avoid common passwords',
    'zh-Hans': '过于简单：请混合使用字母与数字或符号，并避免常见密码',
  },
  'accounts.exists': { en: 'this alumnus has an account already: sign in, or reset the password', 'zh-Hans': '该校友已有账号：请直接登录或重置密码' },
  'accounts.emailTaken': { en: 'another sign-in uses this e-mail address', 'zh-Hans': '此电子邮箱已被其他账号使用' },
  'accounts.noEmail': { en: 'no e-mail address is on file for this alumnus any more', 'zh-Hans': '该校友已无登记的电子邮箱' },
  'accounts.phone': { en: 'is not a phone number', 'zh-Hans': '不是有效的电话号码' },
  'accounts.email': { en: 'is not an e-mail address', 'zh-Hans': '不是有效的电子邮箱' },
  'accounts.nothing': { en: 'give at least one field to change', 'zh-Hans': '请至少填写一个要修改的字段' },
  'accounts.oneGroup': { en: 'give either cohort or chapter', 'zh-Hans': '请填写班级或分会其中之一' },
  'accounts.noCohort': { en: 'no class has this documentId', 'zh-Hans': '没有此编号的班级' },
  'accounts.noChapter': { en: 'no chapter has this documentId', 'zh-Hans': '没有此编号的分会' },
  'duplicates.otherCollege': { en: 'you may only merge alumni of your own colleges', 'zh-Hans': '您只能合并自己负责的学院的校友' },
  'duplicates.overlap': {
    en: 'both records hold a post in the same scope whose terms overlap ({post}): end one of them first',
    'zh-Hans': '两条记录在同一范围担任任期重叠的岗位（{post}）：请先结束其中一个',
  },
  'duplicates.scanning': { en: 'a scan is already running', 'zh-Hans': '已有一次查重正在进行' },
  // event sign-up
  'signUp.noEvent': { en: 'no published event has this documentId', 'zh-Hans': '没有此编号的已发布活动' },
  'signUp.noRegistration': { en: 'you have no registration with this documentId', 'zh-Hans': '您没有此编号的报名' },
  'signUp.noAlumnus': { en: 'no alumnus has this documentId', 'zh-Hans': '没有此编号的校友' },
  'signUp.notOpen': { en: 'registration opens at {at}', 'zh-Hans': '报名将于 {at} 开始' },
  'signUp.closed': { en: 'registration closed at {at}', 'zh-Hans': '报名已于 {at} 截止' },
  'signUp.started': { en: 'the event started at {at}', 'zh-Hans': '活动已于 {at} 开始' },
  'signUp.already': { en: 'is already signed up for this event', 'zh-Hans': '已报名此活动' },
  'signUp.guests': { en: 'must be a whole number from 0 to {max}', 'zh-Hans': '须为 0 至 {max} 之间的整数' },
  'signUp.tooMany': {
    en: 'with {guests} guests the party needs {seats} seats, more than the event has ({capacity})',
    'zh-Hans': '携 {guests} 位来宾共需 {seats} 个名额，超过活动的总名额（{capacity}）',
  },
  'signUp.cancelled': { en: 'this registration was already cancelled', 'zh-Hans': '此报名已取消' },
  // check-in and the staff's view of registrations
  'checkIn.noEvent': { en: 'no event has this documentId', 'zh-Hans': '没有此编号的活动' },
  'checkIn.otherChapter': { en: "you may only see registrations and check people in at your own chapters' events", 'zh-Hans': '您只能查看本人负责的地区校友会活动的报名并办理签到' },
  'checkIn.code': { en: 'must be the check-in code of a registration', 'zh-Hans': '须为报名的签到码' },
  'checkIn.unknownCode': { en: 'no registration for this event has this code', 'zh-Hans': '此活动没有此签到码的报名' },
  'checkIn.already': { en: 'already checked in at {time}', 'zh-Hans': '已于 {time} 签到' },
  'checkIn.attendanceCounted': {
    en: 'is counted from check-in for an event with registrations ({arrived} so far), not typed',
    'zh-Hans': '有报名的活动按签到统计参加人数（目前 {arrived} 人），不能手工填写',
  },
  'checkIn.status': { en: 'this registration is {status}, not registered: it cannot be checked in', 'zh-Hans': '此报名状态为{status}，不是已报名，不能签到' },
  ...LIAISON_WORK_MESSAGES,
  ...FEEDBACK_MESSAGES,
  ...PROPOSAL_MESSAGES,
  ...SURVEY_MESSAGES,
} as const satisfies Record<string, Bilingual>;

/** The id of a message in the catalogue: what rules and schemas name their errors by. */
export type MessageId = keyof typeof MESSAGES;

/** A message's values: what its placeholders say (numbers are written as they are). */
export type MessageValues = Record<string, string | number>;

export const isMessageId = (id: unknown): id is MessageId => typeof id === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, id);

/** A message in a language, its values filled in (in Chinese, quoted terms in Chinese too). */
export const format = (id: MessageId, values: MessageValues, lang: Lang) =>
  MESSAGES[id][lang].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name] === undefined ? '' : String(values[name]);
    return lang === 'zh-Hans' ? termZh(value) : value;
  });

/** The language of the request: Accept-Language (the admin sends its own), else the admin user's preference. */
export const languageOf = (acceptLanguage: string | undefined | null, preferred?: string | null): Lang => {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase();
  if (first) return first.startsWith('zh') ? 'zh-Hans' : 'en';
  return (preferred ?? '').toLowerCase().startsWith('zh') ? 'zh-Hans' : 'en';
};
