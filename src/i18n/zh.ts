import type { Catalog, Formatters, Params } from "./index.js";

export const zh: Catalog = {
  // 条件
  "cond.district.missing": () => "未填写企业所在区县:请确认企业注册在淄博哪个区县",
  "cond.district.met": (p) => `企业注册于淄博市${p.value}`,
  "cond.district.notZibo": (p) => `企业所在地为${p.value},不属于淄博市十一个区县(功能区),不适用本市政策`,
  "cond.ownership.missing": (p, f) => `未填写企业性质:本项目仅适用于${f.oneOf(p.expected)}`,
  "cond.ownership.met": (p, f) => `企业性质:${f.label(p.value)}`,
  "cond.ownership.notMet": (p, f) => `企业性质为${f.label(p.value)},本项目仅适用于${f.oneOf(p.expected)}`,
  "cond.militaryCivil.missing": () => "未填写是否为军民结合企业:请填写 enterprise.military_civil",
  "cond.militaryCivil.met": () => "企业为军民结合企业",
  "cond.militaryCivil.notMet": () => "企业不是军民结合企业,本项目要求军民结合企业",
  "cond.level.missing": (p, f) => `${p.ref}:未填写级别;本项目仅奖励${f.oneOf(p.expected)}`,
  "cond.level.met": (p, f) => `${p.ref}:${f.label(p.value)}`,
  "cond.level.notPaid": (p, f) => `${p.ref}:${f.label(p.value)}不在本项目奖励范围内,本项目仅奖励${f.oneOf(p.expected)}`,
  "cond.rewarded": (p) => `${p.ref}:已获市级奖励,不重复享受`,
  "cond.rewardedOnce": (p) => `${p.ref}:企业已在本项目下获得过奖励(${p.by}),不重复享受`,
  "cond.rewardedSame": (p) => `${p.ref}:同一事项已获奖励(${p.by}),不重复享受`,
  "cond.newly.missing": (p) => `${p.ref}:未填写列入(认定)日期;仅奖励${p.since}及以后新列入(新认定、新取得)的事项`,
  "cond.date.missing": (p) => `${p.ref}:未填写列入日期;年度奖励上限按列入日期所在自然年度计算`,
  "cond.newly.met": (p) => `${p.ref}:${p.date}新列入(不早于${p.since})`,
  "cond.newly.notMet": (p) => `${p.ref}:列入日期${p.date}早于政策施行日${p.since},不属于新列入(新认定、新取得)`,
  "cond.newly.notMetProgram": (p) => `${p.ref}:列入日期${p.date}早于本项目起始日${p.since},不属于新列入(新认定、新取得)`,
  "cond.ended": (p) => `${p.ref}:日期${p.date}晚于本项目截止日${p.ends}`,
  "cond.requires.missing": (p, f) => `${p.ref}:未填写${f.label(p.field)}${f.help(p.field) ? `。${f.help(p.field)}` : ""}`,
  "cond.requires.met": (p, f) => `${p.ref}:${f.label(p.field)} ${f.field(p.field, p.value)}`,
  // 明细说明
  "note.onceEnterprise": (p) => `${p.ref}:每家企业奖励一次,已按${p.by}计算`,
  "note.sameCounted": (p) => `${p.ref}：与${p.by}${p.value ? `（${p.value}）` : ""}为同一事项，已按${p.by}奖励，不重复享受`,
  "note.yearCap": (p, f) => `${p.ref}：受${p.year}年度企业奖励上限${f.money(p.cap)}限制，只计${f.money(p.yuan)}（当年已计${f.money(p.before)}）`,
  "note.totalCap": (p, f) => `${p.ref}：受本项目奖励上限${f.money(p.cap)}限制，只计${f.money(p.yuan)}（已计${f.money(p.before)}）`,
  // 计算过程
  "comp.fixed": (p, f) => `${p.ref}:${f.money(p.yuan)}${p.since ? `(自${p.since}起执行的标准)` : ""}`,
  "comp.rate": (p, f) => `${p.ref}:${p.percent}% × ${f.fen(p.baseFen)} = ${f.fen(p.exactFen)} → ${f.money(p.yuan)}${p.since ? `(自${p.since}起执行的比例)` : ""}`,
  "comp.itemCap.reached": (p, f) => `${p.ref}:按上限${f.money(p.cap)}计${p.since ? `(自${p.since}起执行的上限)` : ""}`,
  "comp.itemCap.notReached": (p, f) => `${p.ref}:未超过上限${f.money(p.cap)}${p.since ? `(自${p.since}起执行的上限)` : ""}`,
  "comp.yearCap.reached": (p, f) => `${p.ref}:已达${p.year}年度上限${f.money(p.cap)},可计${f.money(p.yuan)}${p.since ? `(自${p.since}起执行的上限)` : ""}`,
  "comp.totalCap.reached": (p, f) => `${p.ref}:已达本项目上限${f.money(p.cap)},可计${f.money(p.yuan)}${p.since ? `(自${p.since}起执行的上限)` : ""}`,
  "comp.distinct.each": (p, f) => `${p.count}个不同${p.by === "product" ? "产品" : "事项"} × ${f.money(p.each)} = ${f.money(p.yuan)}`,
  "comp.distinct.sum": (p, f) => `${p.count}个不同${p.by === "product" ? "产品" : "事项"}:未计上限前共${f.money(p.yuan)}`,
  "comp.countedOnce.lists": (p) => `${p.value || "同一事项"}同时列入${p.count}个名单(${p.refs}),只计一次`,
  "comp.countedOnce.repeated": (p) => `${p.value || "同一事项"}填写了${p.count}次(${p.refs}),只计一次`,
  "comp.yearCap.sumReached": (p, f) => `${p.year}年度:${f.money(p.wanted)}超过年度上限${f.money(p.cap)} → ${f.money(p.yuan)}`,
  "comp.yearCap.sumNotReached": (p, f) => `${p.year}年度:${f.money(p.yuan)},未超过年度上限${f.money(p.cap)}`,
  "comp.sum": (p, f) => `共${p.count}项,合计${f.money(p.yuan)}`,
  // 结论
  "reason.noItems": (p, f) => `企业信息中没有${f.oneOf(String(p.types).replace(/, /g, "|"))}`,
  "reason.item.qualifies": (p, f) => `${p.ref}${f.item(p)}符合条件:${p.kind === "up-to" ? "最高" : ""}${f.money(p.yuan)}`,
  "reason.item.mayApply": (p, f) => `${p.ref}${f.item(p)}符合申报条件;择优支持,政策未规定金额`,
  // 标签
  "label.recognitions": () => "认定与荣誉",
  "label.projects": () => "项目",
  "label.standards": () => "标准",
  "label.level": () => "级别",
  "label.date": () => "列入(认定)日期",
  "label.district": () => "所在区县",
  "label.ownership": () => "企业性质",
  "label.military_civil": () => "是否为军民结合企业",
  // Interface
  "ui.enterprise": () => "企业",
  "ui.district": () => "区县",
  "ui.policy": () => "政策",
  "ui.asOf": () => "评估日期",
  "ui.program": () => "项目",
  "ui.clause": () => "条款",
  "ui.amount": () => "金额",
  "ui.why": () => "依据",
  "ui.whatToFind": () => "需补充的信息",
  "ui.section.fixed": () => "符合条件 — 定额奖补",
  "ui.section.upTo": () => "符合条件 — 最高限额",
  "ui.section.discretionary": () => "可申报 — 择优支持,未规定金额",
  "ui.section.needsInfo": () => "信息不足,待补充",
  "ui.section.ineligible": () => "不符合条件",
  "ui.none": () => "根据所填信息,本政策中没有适用的项目。",
  "ui.upTo": () => "最高",
  "ui.onMerit": () => "择优支持",
  "ui.totals.fixed": () => "定额合计",
  "ui.totals.max": () => "含限额最高合计",
  "ui.totals.discretionary": () => "可择优申报项目",
  "ui.totals.needsInfo": () => "待补充信息项目",
  "ui.ceilingNotice": () => "“最高”金额为上限,最终金额以主管部门审核认定为准。",
  "ui.hiddenIneligible": () => "项不符合条件(加 --all 显示)",
  "ui.explain.conditions": () => "条件",
  "ui.explain.computation": () => "计算",
  "ui.explain.clause": () => "原文",
  "ui.explain.departments": () => "责任单位",
  "ui.notGiven": () => "未填写",
  // 客户报告(Markdown、HTML)
  "report.title": () => "惠企政策申报评估报告",
  "report.enterprise": () => "企业名称",
  "report.creditCode": () => "统一社会信用代码",
  "report.profileFile": () => "企业信息文件",
  "report.sha256": () => "政策文件 SHA-256",
  "report.toClaim": () => "可申报项目",
  "report.toClaim.none": () => "根据所填信息,暂无可申报的项目。",
  "report.provide": () => "请提供",
  "report.needsInfo.intro": () => "以下项目可能适用,但结论取决于尚未提供的信息。请提供:",
  "report.ineligible": () => "不适用的项目",
  "report.details": () => "说明",
  "report.totals": () => "合计",
  "report.totals.fixed": () => "定额奖补合计",
  "report.totals.upTo": () => "最高限额合计",
  "report.totals.max": () => "定额与最高限额合计",
  "report.totals.discretionary": () => "择优支持项目(未规定金额)",
  "report.totals.needsInfo": () => "待补充信息项目",
  "report.notice": () => "“最高”金额为政策上限,并非承诺金额:各责任单位逐项审核申报材料后确定最终金额;择优支持项目政策未规定金额。",
  "report.footer": (p) => `本报告依据政策文件 ${p.id} ${p.version}(SHA-256 ${p.sha256})生成,评估日期${p.asOf}。本报告为评估意见,不代表政府部门的审核结论。`,
  // 表格列(check --format csv)
  "csv.enterprise": () => "企业名称",
  "csv.file": () => "文件",
  "csv.program": () => "项目编号",
  "csv.title": () => "项目名称",
  "csv.clause": () => "条款",
  "csv.status": () => "结论",
  "csv.kind": () => "金额类型",
  "csv.yuan": () => "金额(元)",
  "csv.reasons": () => "依据",
  "csv.missing": () => "需补充",
  "csv.departments": () => "责任单位",
  "csv.asOf": () => "评估日期",
  "csv.policy": () => "政策",
  "csv.policyVersion": () => "政策版本",
  "csv.sha256": () => "政策文件sha256",
  "csv.warnings": () => "注意事项",
  "ui.outcome.met": () => "符合",
  "ui.outcome.not-met": () => "不符合",
  "ui.outcome.unknown": () => "未知",
  "ui.status.eligible": () => "符合条件",
  "ui.status.ineligible": () => "不符合条件",
  "ui.status.needs-info": () => "待补充信息",
  "ui.kind.fixed": () => "定额",
  "ui.kind.up-to": () => "最高",
  "ui.kind.discretionary": () => "择优支持",
  // Batch
  "batch.file": () => "文件",
  "batch.eligible": () => "符合项目",
  "batch.fixed": () => "定额",
  "batch.max": () => "最高(含限额)",
  "batch.needsInfo": () => "待补充",
  "batch.error": (p) => `错误：${p.message}`,
  "batch.programsHeading": () => "各项目汇总",
  "batch.qualify": () => "符合企业数",
  "batch.fixedSum": () => "定额合计",
  "batch.upToSum": () => "最高限额合计",
  "batch.grandTotals": (p, f) => `总计：共 ${p.files} 份档案，已评估 ${p.evaluated} 份 · 定额 ${f.money(p.fixed)} · 含限额最高 ${f.money(p.max)}`,
  "batch.errorsHeading": (p) => `${p.count} 个文件无法评估：`,
  "batch.noErrors": () => "所有档案均已读取并评估。",
  "batch.noFiles": (p) => `${p.dir} 中没有 .yaml、.yml 或 .json 档案`,
  "batch.outInside": (p) => `注意：${p.file} 位于文件夹 ${p.dir} 中，之后对该文件夹运行 subsidy batch 时会把它当作档案读取并列为错误。请把报告存放在档案文件夹之外。`,
  "batch.wrote": (p) => `报告已写入 ${p.file}（${p.count} 份档案）`,
  "batch.progress": (p) => `${p.done}/${p.total} 份档案`,
  "batch.title": () => "惠企政策批量评估报告",
  "batch.status.error": () => "错误",
  "batch.csv.policyId": () => "政策编号",
  "batch.csv.policyVersion": () => "政策版本",
  "batch.csv.policySha256": () => "政策文件 sha256",
  "batch.csv.asOf": () => "评估日期",
  "batch.csv.warnings": () => "提示",
  "batch.csv.file": () => "文件",
  "batch.csv.enterprise": () => "企业名称",
  "batch.csv.creditCode": () => "统一社会信用代码",
  "batch.csv.district": () => "区县",
  "batch.csv.ownership": () => "企业性质",
  "batch.csv.enterpriseFixed": () => "企业定额合计(元)",
  "batch.csv.enterpriseMax": () => "企业最高合计(元)",
  "batch.csv.program": () => "项目编号",
  "batch.csv.title": () => "项目名称",
  "batch.csv.clause": () => "条款",
  "batch.csv.status": () => "状态",
  "batch.csv.kind": () => "金额类型",
  "batch.csv.yuan": () => "金额(元)",
  "batch.csv.missing": () => "需补充的信息",
  "batch.csv.reasons": () => "依据",
  // Warnings
  "warn.beforeEffective": (p) => `注意:评估日期${p.asOf}早于政策施行日${p.from},当时本政策各项目均不适用`,
  "warn.afterUntil": (p) => `注意:评估日期${p.asOf}晚于政策截止日${p.until}`,
  "warn.confirmInForce": (p) => `注意:政策未规定有效期,评估日期${p.asOf}已晚于复核日期${p.date},请向主管部门确认政策是否仍然有效`,
  "warn.programEnded": (p) => `注意:项目${p.program}已于${p.ends}截止`,
  // subsidy policy …
  "policy.rateOf": (p) => `${p.field}的${p.percent}`,
  "policy.cap.item": (p) => `每项最高${p.cap}`,
  "policy.cap.year": (p) => `每家企业每自然年最高${p.cap}`,
  "policy.cap.total": (p) => `合计最高${p.cap}`,
  "policy.per.enterprise": () => "每家企业一次",
  "policy.per.item": () => "按项计算",
  "policy.per.distinct": (p) => `按不同${p.by}计算`,
  "policy.window": () => "有效期",
  "policy.reviewAfter": () => "此日后须确认是否仍有效",
  "policy.col.id": () => "编号",
  "policy.col.kind": () => "类别",
  "policy.endsOn": (p) => `${p.date}截止`,
  "policy.startsOn": (p) => `${p.date}起`,
  "policy.quote": () => "条款原文",
  "policy.rule": () => "规则",
  "policy.items": () => "支持对象",
  "policy.levels": () => "级别",
  "policy.newly": (p) => `须新取得：日期不早于${p.date}`,
  "policy.needsDate": () => "需要日期（按年度封顶）",
  "policy.requires": () => "必须填写",
  "policy.ownership": () => "企业性质",
  "policy.militaryCivil": () => "仅限军民结合企业",
  "policy.datedValues": () => "分时段标准（自所列日期起执行至下一日期；按事项本身的日期，无日期时按评估日期）",
  "policy.fromDate": (p) => `自${p.date}起`,
  "policy.notes": () => "说明",
  "policy.severity.error": (p) => `错误：${p.message}`,
  "policy.severity.warning": (p) => `提示：${p.message}`,
  "policy.validate.valid": (p) => `${p.file}：有效（${p.warnings}条提示）`,
  "policy.validate.invalid": (p) => `${p.file}：无效——${p.errors}个错误，${p.warnings}条提示`,
  "policy.diff.head": (p) => `政策版本比较：${p.old} → ${p.new}`,
  "policy.diff.policyFields": () => "政策：",
  "policy.diff.noProgramChange": () => "没有项目变化。",
  "policy.diff.added": () => "新增",
  "policy.diff.removed": () => "取消",
  "policy.diff.impactHead": (p) => `企业档案（评估日期${p.asOf}）：共评估${p.evaluated}家，金额有变化${p.changed}家`,
  "policy.diff.absent": () => "本版本无此项目",
  "policy.test.summary": (p) => `通过${p.passed}个，失败${p.failed}个（共${p.total}个场景；政策 ${p.policy}，文件 ${p.file}，sha256 ${p.sha}）`,
  "init.written": (p) => `已生成${p.file}：填写后运行 subsidy check ${p.file}`,
  "schema.written": (p) => `已生成${p.file}`,
  // 问卷(subsidy ask)
  "ask.notTerminal": () => "subsidy ask 需要在终端中交互运行；要评估文件，请使用：subsidy check 文件名",
  "ask.aborted": () => "已中止",
  "ask.loader": (p) => String(p.message),
  "ask.required": () => "此项必须填写",
  "ask.optional": () => "（不清楚可直接回车留空。）",
  "ask.name": () => "企业名称（与营业执照一致）：",
  "ask.district": () => "企业注册在淄博哪个区县（功能区）？",
  "ask.district.elsewhere": () => "其他地方（不在淄博）",
  "ask.elsewhere": () => "企业不在淄博市十一个区县（功能区）注册，本市政策各项目均不适用，无需继续填写。",
  "ask.creditCode": () => "统一社会信用代码（18位，可不填）：",
  "ask.ownership": () => "企业性质：",
  "ask.militaryCivil": () => "是否为军民结合企业？",
  "ask.items": (p) => `${p.action}${p.zh}：企业有以下哪些？（空格勾选，回车确认）`,
  "ask.items.other": () => "其他事项：企业有以下哪些？（空格勾选，回车确认）",
  "ask.level.notPaid": () => "本政策不奖励此级别",
  "ask.item.level": (p) => `${p.zh}${p.tag}：级别？`,
  "ask.item.date": (p) => `${p.zh}${p.tag}：列入、认定或完成日期（YYYY-MM-DD）：`,
  "ask.item.date.help": (p) => `要求“新列入/新认定/新取得”的项目，只奖励${p.since}及以后取得的事项。`,
  "ask.item.date.help.year": () => "年度奖励上限按此日期所在自然年度计算。",
  "ask.item.field": (p) => `${p.zh}${p.tag}：${p.fieldZh}：`,
  "ask.item.code": (p) => `${p.zh}${p.tag}：标准编号（如 GJB 1234-2024）：`,
  "ask.item.name": (p) => `${p.zh}${p.tag}：项目名称：`,
  "ask.item.another": (p) => `还有其他${p.zh}吗？`,
  "ask.money.empty": () => "请输入金额，如 3800000、380万 或 1.2亿",
  "ask.money.format": (p) => `“${p.value}”不是金额；请写成 3800000、3,800,000、380万 或 1.2亿 等形式`,
  "ask.money.grouping": (p) => `“${p.value}”：逗号须每三位分隔（3,800,000），或不写逗号`,
  "ask.money.precision": (p) => `“${p.value}”精确到分以下（0.01元）；请核对金额`,
  "ask.money.negative": () => "金额不能为负数",
  "ask.money.echo": (p) => `即 ${p.yuan}，对吗？`,
  "ask.from.nothing": () => "没有缺少的信息：没有项目在等待本文件未填写的事实。",
  "ask.interviewFile": () => "（问卷）",
  "ask.save": () => "将以上回答保存为企业情况文件？",
  "ask.save.file": () => "文件名：",
  "ask.save.exists": (p) => `${p.file} 已存在。覆盖它吗？`,
  "ask.save.isInput": (p) => `${p.file} 是本次读取的原文件，不会被覆盖。请换一个文件名。`,
  "ask.saved": (p) => `已保存 ${p.file}。以后可随时用 subsidy check ${p.file} 重新评估。`,
  // issue 20: Excel in, Excel out
  "xlsx.initWritten": (p) => `已生成 ${p.file}：在“企业”表每行填写一家企业，在“认定”“项目”“标准”表每行填写一项；填好后运行 subsidy batch ${p.file}`,
  "xlsx.ambiguousOwner": (p) => `“${p.sheet}”表上有不止一家企业名为“${p.value}”；请改填该企业的信用代码或档案文件名`,
  "xlsx.col.rewarded_yuan": () => "市里已奖励金额(元)",
  "xlsx.report.lowFixed": () => "定额合计（按最低理解）",
  "xlsx.report.lowMax": () => "最高合计（按最低理解）",
  "xlsx.report.sheet.opportunities": () => "可争取的项目",
  "xlsx.report.sheet.pipeline": () => "可争取项目汇总",
  "xlsx.report.enterprises": () => "企业数",
  "xlsx.report.atStake": () => "涉及金额",
  "xlsx.needsOut": () => "Excel 工作簿是二进制文件，不能输出到屏幕；请用 --out 文件名.xlsx 指定保存位置",
  "xlsx.cannotWrite": (p) => `${p.file}：无法写入（${p.code}）；请检查文件夹是否存在、是否可写`,
  "xlsx.outName": (p) => `${p.file}：工作簿文件名须以 .xlsx 结尾`,
  "xlsx.inName": (p) => `${p.file}：请给出 .xlsx 工作簿`,
  "xlsx.notFound": (p) => `${p.file}：找不到该工作簿；请检查路径`,
  "xlsx.unreadable": (p) => `${p.file}：无法读取该工作簿（${p.reason}）；请确认它是用 Excel 或 WPS 另存的 .xlsx 文件`,
  "xlsx.noEnterpriseSheet": (p) => `${p.file}：没有名为“${p.zh}”（或“${p.en}”）的工作表；企业清单须放在这张表上，每行一家企业`,
  "xlsx.unknownColumn": (p) => `未知的列名“${p.header}”；可用的列：${p.valid}`,
  "xlsx.unknownColumnHint": (p) => `未知的列名“${p.header}”，是否为“${p.hint}”？可用的列：${p.valid}`,
  "xlsx.duplicate": (p) => `“${p.value}”在 ${p.other} 已出现；每家企业只能占一行（按信用代码或名称区分）`,
  "xlsx.noOwner": (p) => `这一行没有填写所属企业；请在第一列填写“${p.sheet}”表上企业的信用代码、档案文件名或名称`,
  "xlsx.unknownOwner": (p) => `“${p.value}”不是“${p.sheet}”表上任何企业的信用代码、档案文件名或名称；请核对后填写`,
  "xlsx.exported": (p) => `已写入 ${p.file}（${p.count} 家企业）`,
  "xlsx.imported": (p) => `已在 ${p.dir} 写入 ${p.count} 份企业档案`,
  "xlsx.importedFrom": (p) => `由 subsidy import 自 ${p.from} 导入`,
  "xlsx.importedCheck": () => "核对后运行 subsidy check 本文件",
  "xlsx.col.enterprise.name": () => "企业名称",
  "xlsx.col.enterprise.credit_code": () => "统一社会信用代码",
  "xlsx.col.enterprise.district": () => "所在区县",
  "xlsx.col.enterprise.ownership": () => "企业性质",
  "xlsx.col.enterprise.military_civil": () => "军民结合企业",
  "xlsx.col.enterprise.note": () => "备注",
  "xlsx.col.enterprise.file": () => "档案文件",
  "xlsx.col.item.enterprise": () => "企业（信用代码或名称）",
  "xlsx.col.type": () => "类型",
  "xlsx.col.scope": () => "标准类别",
  "xlsx.col.level": () => "级别",
  "xlsx.col.role": () => "角色",
  "xlsx.col.code": () => "标准编号",
  "xlsx.col.date": () => "日期",
  "xlsx.col.rewarded": () => "市里已奖励",
  "xlsx.col.name": () => "名称",
  "xlsx.col.note": () => "备注",
  "xlsx.report.sheet.summary": () => "企业汇总",
  "xlsx.report.sheet.details": () => "项目明细",
  "xlsx.report.sheet.todo": () => "待补充信息",
  "xlsx.report.sheet.programs": () => "按项目汇总",
  "xlsx.report.sheet.errors": () => "未能评估的文件",
  "xlsx.report.file": () => "文件",
  "xlsx.report.enterprise": () => "企业名称",
  "xlsx.report.creditCode": () => "统一社会信用代码",
  "xlsx.report.district": () => "区县",
  "xlsx.report.ownership": () => "企业性质",
  "xlsx.report.eligible": () => "符合条件项目数",
  "xlsx.report.needsInfo": () => "待补充信息项目数",
  "xlsx.report.fixed": () => "定额合计",
  "xlsx.report.max": () => "最高合计（含上限）",
  "xlsx.report.policyId": () => "政策编号",
  "xlsx.report.policyVersion": () => "政策版本",
  "xlsx.report.asOf": () => "评估日期",
  "xlsx.report.error": () => "错误",
  "xlsx.report.program": () => "项目编号",
  "xlsx.report.title": () => "项目名称",
  "xlsx.report.clause": () => "条款",
  "xlsx.report.status": () => "状态",
  "xlsx.report.kind": () => "金额类型",
  "xlsx.report.amount": () => "金额",
  "xlsx.report.low": () => "保守金额",
  "xlsx.report.reasons": () => "依据",
  "xlsx.report.missing": () => "需补充的信息",
  "xlsx.report.find": () => "需查明的事项",
  "xlsx.report.eligibleCount": () => "符合条件企业数",
  "xlsx.report.needsInfoCount": () => "待补充信息企业数",
  "xlsx.report.upTo": () => "最高额合计",
  "xlsx.report.total": () => "合计",
  // issue 16: amounts a consultant can quote
  "cond.rewarded.stated": (p, f) => `${p.ref}：已获市级奖励（实收${f.money(p.yuan)}），不重复享受`,
  "cond.beforePolicy": (p) => `${p.ref}：取得日期${p.date}早于政策施行日${p.since}——请向主管部门确认`,
  "cond.base.zero": (p, f) => `${p.ref}：${f.label(p.field)}为0元，没有可配套的基数，不符合条件`,
  "cond.renewal": (p) => `${p.ref}：属于${p.by}的复核或延续（首次取得于${p.date}，早于${p.since}），不是新认定`,
  "note.sameCutToZero": (p) => `${p.ref}：与${p.by}${p.value ? `（${p.value}）` : ""}为同一事项，该项受上限限制未获奖励；按此理解不再奖励`,
  "note.yearCap.zero": (p, f) => `${p.ref}：计0元——${p.year}年度企业奖励上限${f.money(p.cap)}已用完（当年已计${f.money(p.before)}）`,
  "note.totalCap.zero": (p, f) => `${p.ref}：计0元——本项目奖励上限${f.money(p.cap)}已用完（已计${f.money(p.before)}）`,
  "comp.rewardedCounted": (p, f) => `${p.ref}：市里已奖励，按政策标准${f.money(p.yuan)}计入${p.year ? `${p.year}年度` : ""}上限`,
  "comp.rewardedCounted.stated": (p, f) => `${p.ref}：市里已奖励，按实收${f.money(p.yuan)}计入${p.year ? `${p.year}年度` : ""}上限`,
  "reading.note": (p) => String(p.zh),
  "reading.adopted": () => "按本工具采用的理解",
  "ui.alternative": (p, f) => `${p.note}：${f.money(p.yuan)}`,
  "ui.totals.conservative": () => "按最低理解",
  "ui.none.outsideZibo": (p) => `本政策各项目均不适用：${p.value}不属于淄博市十一个区县（功能区）。`,
  "ui.none.why": (p) => `本政策各项目均不适用：${p.why}`,
  "ui.headlineReading": (p) => `（按最低理解：${p.reading}）`,
  "warn.afterAsOf": (p, f) => `未计入：${p.ref}${f.item(p)}的日期晚于评估日${p.asOf}`,
  "profile.district.slip": (p) => `“${p.value}”不是淄博市的区县；是不是“${p.suggestion}”？如企业注册在淄博市以外，请连同所在城市一起写（如“上海市宝山区”）`,
  "policy.identity.unknownField": (p) => `identity 中的字段“${p.field}”不存在${p.suggest ? `，是否应为“${p.suggest}”？` : ""}`,
  "policy.reading.unknownProgram": (p) => `该理解所列项目“${p.id}”不在本政策中${p.suggest ? `，是否应为“${p.suggest}”？` : ""}`,
  "ask.item.rewarded": (p) => `${p.zh}${p.tag}：市里是否已经奖励过？`,
  "ask.item.rewardedYuan": (p) => `${p.zh}${p.tag}：实际收到多少元？（不清楚可不填）`,
  "batch.conservativeTotals": (p, f) => `按各项目最低理解：定额 ${f.money(p.fixed)} · 含限额最高 ${f.money(p.max)}`,
  "usage.reading": (p) => `--reading ${p.value}：应为 adopted（采用的理解）或 conservative（最低理解）`,
  // issue 21: opportunities
  "ask.opportunities": () => "是否查看还可争取的项目？",
  "opp.findOut": (p, f) => `查明${p.item !== undefined ? `“${p.item}”的` : ""}${fieldNames(p.fields, f, "、")}${p.ownership !== undefined ? `（须为${f.label(p.ownership)}）` : ""}`,
  "opp.headroom": (p, f) => `${p.year}年还可再奖励${p.count}项，每项${f.money(p.each)}（年度上限${f.money(p.cap)}）`,
  "opp.higherLevel": (p, f) => `由${f.label(p.now)}升为${f.label(p.level)}${f.label(p.type)}${rateZh(p, f)}`,
  "opp.new.recognitions": (p, f) => `新获${p.level !== undefined ? f.label(p.level) : ""}${f.label(p.type)}${rateZh(p, f)}`,
  "opp.new.projects": (p, f) => `新增一个${f.label(p.type)}${rateZh(p, f)}`,
  "opp.new.standards": (p, f) => `主导或参与编制一项${f.label(p.type)}`,
  "ui.section.opportunities": () => "可争取的项目",
  "ui.opp.change": () => "怎样争取",
  "ui.opp.share": () => "按比例计算",
  "ui.opp.none": () => "根据所填信息，本政策中暂无其他可争取的项目。",
  "ui.opp.enterprises": () => "企业数",
  "ui.opp.atStake": () => "涉及金额",
  // issue 19: messages (loader, validation, policy, commands)
  "err.file.empty": () => "文件是空的（只有空行或注释）：请填写内容，或删除该文件",
  "err.file.tooLarge": (p) => `文件大小为${bytesZh(p.size)}，超过上限${bytesZh(p.limit)}；${p.kind === "policy" ? "政策文件一般只有几百 KB，请确认文件是否选对" : "企业信息文件一般只有几 KB，请确认文件是否选对，或用 --max-file-size 放宽上限"}`,
  "err.file.notRegular": (p) => `${whatZh(p.what)}是${({ directory: "文件夹", fifo: "命名管道（FIFO）", socket: "套接字", device: "设备" } as Record<string, string>)[String(p.kind)] ?? "特殊文件"}，不是普通文件：请指定一个 .yaml 或 .json 文件`,
  "err.file.notFound": (p) => `找不到${whatZh(p.what)}：请检查路径`,
  "err.file.danglingLink": (p) => `${whatZh(p.what)}是一个符号链接，但它指向的文件不存在`,
  "err.file.permission": (p) => `没有读取权限，无法读取${whatZh(p.what)}：请检查文件权限`,
  "err.file.loop": (p) => `${whatZh(p.what)}是一个循环指向自身的符号链接`,
  "err.file.notDir": () => "路径中有一部分不是文件夹：请检查路径",
  "err.file.nameTooLong": () => "路径太长",
  "err.file.unreadable": (p) => `无法读取${whatZh(p.what)}（系统错误 ${p.code}）`,
  "err.parse.utf16": (p) => `文件以 UTF-16 编码保存（${p.which}，即记事本的“Unicode”）：请另存为 UTF-8（记事本：另存为 → 编码选 UTF-8）`,
  "err.parse.binary": (p) => `这不是文本文件（含字节 0x${p.byte}）：是否选成了表格或 Word 文档？请指定 .yaml 或 .json 文件`,
  "err.parse.gbk": () => "文件不是 UTF-8 编码，看起来是 GBK/GB18030（中文 Windows 的默认编码）：请另存为 UTF-8",
  "err.parse.notUtf8": () => "文件不是有效的 UTF-8 文本：请另存为 UTF-8",
  "err.parse.tooDeep": (p) => `层级嵌套超过${p.limit}层；${p.kind === "policy" ? "政策文件只需要几层" : "企业信息文件只需要几层（确有需要，可用 --max-depth 放宽上限）"}`,
  "err.parse.tooMany": (p) => `一个列表或映射中有${p.count}项，超过上限${p.limit}项；${p.kind === "policy" ? "请精简该列表" : "请拆分文件，或用 --max-items 放宽上限"}`,
  "err.parse.crashed": () => "无法解析该文件（结构过于复杂）：请检查文件内容",
  "err.parse.duplicateKey": (p) => `键“${p.key}”重复：同一层中每个键只能出现一次${p.numeric ? '（1: 与 "1": 是同一个键）' : ""}，请删除或改名其中一个`,
  "err.parse.nonStringKey": () => "键必须是普通文字（不能用列表或映射作键）",
  "err.parse.syntax": (p) => `YAML 语法错误：${yamlErrorZh(p.code)}${p.hint === "colon" ? "（这一行用了全角冒号“：”，请改为半角冒号“:”加一个空格）" : p.hint === "tab" ? "（请用空格缩进，不要用制表符）" : ""}`,
  "err.parse.multiDoc": () => "文件中有多份文档（以 --- 分隔）：每个文件只写一家企业",
  "err.parse.directive": (p) => `不接受 %${p.directive} 这样的指令：它会改变取值的读法（YAML 1.1 会把 on 读成 true、把 012 读成 10），请删除这一行`,
  "err.parse.tag": (p) => `不接受 ${p.tag} 这样的标签：请直接写值（文字、数字、true/false，日期写成 YYYY-MM-DD）`,
  "err.parse.warning": () => "文件中有不接受的 YAML 写法：请直接写值",
  "err.parse.fullWidthColon": () => "整个文件被读成了一段文字，因为用了全角冒号“：”：键后请用半角冒号加一个空格，例如“name: 淄博华创”（请检查输入法是否处于全角标点状态）",
  "err.parse.alias": (p) => `不接受别名（*${p.name}）：请把值完整写出`,
  "err.parse.anchor": (p) => `不接受锚点（&${p.name}）：请把每个值完整写出`,
  "err.parse.forbiddenKey": (p) => `不接受键“${p.key}”（它可能篡改程序行为）：请删除`,
  "label.enterprise": () => "企业信息",
  "label.name": () => "名称",
  "label.credit_code": () => "统一社会信用代码",
  "label.type": () => "类型",
  "label.scope": () => "标准范围",
  "label.role": () => "角色",
  "label.code": () => "标准编号",
  "label.rewarded": () => "是否已获市级奖励",
  "label.note": () => "备注",
  "err.profile.atField": (p) => (p.label ? `${p.label}：${p.message}` : String(p.message)),
  "err.profile.invalid": () => "此项填写有误，请对照模板（subsidy init）检查",
  "err.profile.required": () => "缺少此项：必须填写",
  "err.profile.expectedText": (p) => `应填写文字，实际是${gotZh(p)}${String(p.got).endsWith("number") ? "；请给它加上引号" : ""}`,
  "err.profile.booleanWord": (p) => `应填写 true 或 false，请写 ${p.word}，不要写“${p.value}”（YAML 会把“${p.value}”当作文字）`,
  "err.profile.expectedBoolean": (p) => `应填写 true 或 false，实际是${gotZh(p)}`,
  "err.profile.moneyText": (p) => `金额请写成以元为单位的纯数字，例如 ${p.suggest}，不要写成“${p.value}”`,
  "err.profile.moneyNumber": (p) => `应填写以元为单位的金额，实际是 ${p.value}`,
  "err.profile.moneyExpected": (p) => `应填写以元为单位的纯数字金额（如 3800000），实际是${gotZh(p)}`,
  "err.profile.moneyNegative": (p) => `金额不能为负数（填写的是 ${p.value}）`,
  "err.profile.moneyTooLarge": (p) => `${p.value} 元过大，无法精确计算（最多 9007199254740991 元），请确认金额的单位是元`,
  "err.profile.moneyDecimals": (p) => `金额最多保留两位小数（到分），填写的是 ${p.value}`,
  "err.profile.dateExpected": (p) => `应填写 YYYY-MM-DD 格式的日期（可加引号），实际是${gotZh(p)}`,
  "err.profile.dateFormat": (p) => `日期应写成 YYYY-MM-DD 格式${p.suggest ? `，例如 ${p.suggest}` : ""}，填写的是“${p.value}”`,
  "err.profile.dateNotReal": (p) => `${p.value} 不是真实存在的日期，请核对月份和日期`,
  "err.profile.termMissing": (p, f) => `未填写${termZh(p.what)}：可填写${idsZh(p.ids, f)}`,
  "err.profile.termExpected": (p, f) => `应填写${termZh(p.what)}（${idsZh(p.ids, f)}之一），实际是${gotZh(p)}${colonZh(p)}`,
  "err.profile.termUnknown": (p, f) => `未知的${termZh(p.what)}“${p.value}”${p.suggest ? `，是否应为“${p.suggest}”？` : "。"}可填写：${idsZh(p.ids, f)}`,
  "err.profile.expectedMapping": (p, f) => `${p.what === "enterprise" ? "企业信息（enterprise）" : `${f.label(p.what)}（${p.what}）中的每一项`}应写成若干行“键: 值”，实际是${gotZh(p)}${colonZh(p)}`,
  "err.profile.missingEnterprise": () => "缺少企业信息部分：请添加“enterprise:”，并至少在其下填写“name:”（企业名称）",
  "err.profile.missingItem": (p, f) => `${f.label(p.list)}中缺少条目`,
  "err.profile.expectedList": (p, f) => `${f.label(p.list)}（${p.list}）应写成列表（每行以“- ”开头），实际是${gotZh(p)}${colonZh(p)}`,
  "err.profile.notMapping": (p) => `企业信息文件应由 enterprise:、recognitions:、projects:、standards: 几部分组成，实际是${gotZh(p)}${colonZh(p)}`,
  "err.profile.nameEmpty": () => "企业名称为空，请填写营业执照上的名称",
  "err.profile.fieldForOtherKinds": (p, f) => `“${p.key}”只适用于${f.oneOf(p.kinds)}，不适用于${f.label(p.kind)}`,
  "err.profile.fieldOfOtherList": (p, f) =>
    `“${p.key}”不适用于${f.label(p.list)}，只适用于${String(p.elsewhere)
      .split("|")
      .map((e) => {
        const [list, , id] = e.split(" ");
        return `${f.label(list)}中的${f.label(id)}`;
      })
      .join("、")}`,
  "err.profile.fieldNotApplicable": (p, f) => `“${p.key}”不适用于${f.label(p.kind)}，请删除`,
  "err.profile.unknownField": (p, f) =>
    `未知字段“${p.key}”${p.where ? `（位于 ${p.where}）` : ""}${p.suggest ? `，是否应为“${p.suggest}”？` : p.colon ? "：全角冒号“：”不能分隔键和值，请改用半角冒号加一个空格" : p.known ? `；可填写：${idsZh(p.known, f)}` : ""}`,
  "err.creditCode.length": (p) => `统一社会信用代码应为18位，这里是${p.count}位`,
  "err.creditCode.char": (p) => `统一社会信用代码第${p.index}位“${p.char}”不是有效字符${p.upper ? `（请用大写“${p.upper}”）` : ""}${p.never ? "（代码中不使用 I、O、Z、S、V）" : ""}`,
  "err.creditCode.check": (p) => `统一社会信用代码的校验位（第18位）应为“${p.expected}”，而不是“${p.actual}”：可能有字符录入错误`,
  "err.policy.file": (p) => `政策文件：${p.message}`,
  "err.policy.unknownField": (p) => `政策文件中没有“${p.key}”这个字段`,
  "err.policy.required": (p) => `缺少此项：必须填写（应为${typeZh(p.expected)}）`,
  "err.policy.wrongType": (p) => `类型不对：应为${typeZh(p.expected)}`,
  "err.policy.notOneOf": (p) => `取值不对：应为 ${String(p.values).split("|").join("、")} 之一`,
  "err.policy.tooSmall": (p) => `取值过小或条目过少（至少 ${p.limit}）`,
  "err.policy.tooBig": (p) => `取值过大或条目过多（至多 ${p.limit}）`,
  "err.policy.format": () => "格式不对，请对照 policy.yaml 的写法",
  "err.policy.invalid": () => "此项不符合政策文件的格式要求",
  "err.policy.discretionaryWithSum": () => "择优支持（discretionary）的项目不写金额或比例",
  "err.policy.yuanOrRate": () => "金额（yuan）与比例（rate）须写且只写其中一个",
  "err.policy.distinctNeedsBy": () => "per: distinct 须同时写明 distinct_by",
  "err.policy.duplicateId": (p) => `${p.where} 中的编号“${p.id}”重复`,
  "err.policy.districtClash": (p) => `“${p.name}”同时指向 ${p.a} 和 ${p.b}`,
  "err.policy.unknownRef": (p) => `未定义的${({ action: "动作", level: "级别", field: "字段", ownership: "企业性质" } as Record<string, string>)[String(p.what)] ?? p.what}“${p.value}”${p.suggest ? `（是否应为“${p.suggest}”？）` : ""}，请在 vocabulary.${p.list} 中定义`,
  "err.policy.typeNotInVocabulary": (p) => `“${p.value}”不在 vocabulary.${p.vocabulary} 中${p.suggest ? `，是否应为“${p.suggest}”？` : ""}`,
  "err.policy.requiresNotTaken": (p) => `要求填写“${p.field}”，但类型 ${String(p.types).split("|").join("、")} 没有这个字段（请把它加到该类型的 fields 中）`,
  "err.policy.rateNotMoney": (p) => `“${p.field}”是 ${p.kind} 类字段；比例须按金额字段计算`,
  "err.policy.unknownDistinctBy": (p) => `未定义的字段“${p.value}”${p.suggest ? `，是否应为“${p.suggest}”？` : ""}`,
  "err.policy.distinctByOnly": (p) => `distinct_by 只与 per: distinct 一起使用（本项目是 per: ${p.per}）`,
  "err.policy.endsBeforeStarts": (p) => `截止日 ${p.ends} 早于起始日 ${p.starts}`,
  "err.policy.datedOrder": (p) => `分时段取值须按日期先后书写：${p.date} 写在了 ${p.prev} 之后`,
  "err.policy.firstDatedLate": (p) => `第一个分时段取值自 ${p.first} 起执行，晚于项目起始日（${p.starts}）；${p.first} 之前的事项也会按这个取值计算——如非本意，请补一个自 ${p.starts} 起的取值`,
  "err.policy.datedAfterEnd": (p) => `自 ${p.date} 起的取值晚于项目截止日（${p.ends}），不会被用到`,
  "err.policy.startsBeforeEffective": (p) => `项目起始日 ${p.starts} 早于政策施行日 effective_from ${p.from}`,
  "err.policy.endsAfterUntil": (p) => `项目截止日 ${p.ends} 晚于政策截止日 effective_until ${p.until}`,
  "err.policy.untilBeforeFrom": (p) => `政策截止日 effective_until ${p.until} 早于施行日 effective_from ${p.from}`,
  "err.policy.reviewBeforeFrom": (p) => `复核日期 review_after ${p.review} 早于施行日 effective_from ${p.from}`,
  "err.policy.blankText": (p) => `缺少译文：${p.lang === "zh" ? "中文" : "英文"}（${p.lang}）文字为空`,
  "err.policy.enStillChinese": (p) => `缺少译文：英文（en）文字“${p.text}”仍是中文`,
  "err.policy.unused": (p) =>
    `未使用的词汇：${({ action: "动作", level: "级别", field: "字段", "recognition type": "认定类型", "project type": "项目类型", "standard scope": "标准范围" } as Record<string, string>)[String(p.what)] ?? p.what}“${p.id}”${({ action: "不是任何事项类型的动作", level: "没有被任何事项类型或项目用到", field: "没有被任何事项类型采用，也没有被任何项目读取", paid: "没有任何项目奖励" } as Record<string, string>)[String(p.why)] ?? ""}`,
  "err.usage.format": (p) => `--format ${p.value}：可选 ${String(p.formats).split("|").join("、")}`,
  "err.usage.outFormat": (p) => `--out ${p.out}：无法从文件名判断格式；请以 .csv、.json、.md 或 .xlsx 结尾，或加上 --format csv|json|md|xlsx`,
  "err.usage.noProgram": (p) => `政策 ${p.policy} 中没有编号为“${p.id}”的项目${p.suggest ? `，是否应为“${p.suggest}”？` : ""}；可运行 subsidy policy list 查看编号`,
  "err.usage.profilesNotFolder": (p) => `--profiles ${p.dir}：不是文件夹；请指定存放待重新评估企业信息文件的文件夹`,
  "err.usage.noScenarios": (p) => `${p.where}：找不到该场景文件夹或文件${p.isDefault ? "（默认是当前文件夹下的 fixtures/scenarios；请指定一个）" : ""}`,
  "err.usage.emptyScenarioFolder": (p) => `${p.where}：文件夹中没有场景文件（.yaml、.yml、.json）`,
  "err.scenario.mapping": (p) => `${scenarioWhatZh(p)}应写成若干行“键: 值”`,
  "err.scenario.unknownField": (p) => `${scenarioWhatZh(p)}中没有“${p.key}”这个字段${p.suggest ? `，是否应为“${p.suggest}”？` : `（可填写：${String(p.known).split("|").join("、")}）`}`,
  "err.scenario.text": (p) => `${scenarioWhatZh(p)}应写成文字`,
  "err.scenario.yuan": (p) => `应填写以元为单位的整数${p.nullable ? "（择优支持的项目可写 null）" : ""}，例如 3800000`,
  "err.scenario.list": () => "scenarios 应写成非空列表（每行以“- ”开头）",
  "err.scenario.asOf": (p) => `as_of 应是 YYYY-MM-DD 格式的真实日期，填写的是“${p.value}”`,
  "err.scenario.bothProfiles": () => "profile（直接写在场景中）与 profile_file 只能二选一",
  "err.scenario.profileFile": (p) => `profile_file ${p.rel}：${p.message}`,
  "err.scenario.noProfile": () => "场景须写明 profile:（直接写出企业信息）或 profile_file:（相对于场景文件的路径）",
  "err.scenario.status": (p) => `status 应为 ${String(p.statuses).split("|").join("、")} 之一${p.suggest ? `，是否应为“${p.suggest}”？` : ""}`,
  "err.scenario.missing": () => "missing 应写成企业信息路径的列表，例如 [\"projects[0].audited_investment\"]（每个路径加引号：YAML 会把 [ ] 读成列表）",
  "err.scenario.reasonContains": () => "reason_contains 应写成文字或文字列表（在英文依据中查找）",
  "err.scenario.nothingToCheck": () => "expected 中没有要核对的内容：请写 totals 和/或 programs",
  "err.scenario.profileFailed": (p) => `无法评估该企业信息：${p.message}`,
  "err.scenario.fileFailed": (p) => `无法读取该场景文件：${p.message}`,
  "err.scenario.aProgram": () => "政策中的一个项目",
  "err.scenario.noProgram": (p) => `政策 ${p.policy} 中没有编号为“${p.id}”的项目${p.suggest ? `，是否应为“${p.suggest}”？` : ""}`,
  "scenario.pass": () => "通过",
  "scenario.fail": () => "失败",
  "scenario.expected": () => "预期：",
  "scenario.actual": () => "实际：",
  "err.cli.helpHint": () => "（加 --help 查看用法）",
  "err.cli.unknownOption": (p) => `没有 ${p.flag} 这个选项${p.suggest ? `，是否应为 ${p.suggest}？` : ""}`,
  "err.cli.unknownCommand": (p) => `没有 ${p.name} 这个命令${p.suggest ? `，是否应为 ${p.suggest}？` : ""}`,
  "err.cli.missingArgument": (p) => `缺少参数 <${p.name}>`,
  "err.cli.optionValueMissing": (p) => `选项 ${p.flags} 后面须跟一个值`,
  "err.cli.requiredOption": (p) => `须指定选项 ${p.flags}`,
  "err.cli.tooManyArguments": (p) => `参数过多：${p.command ? `${p.command} ` : ""}需要 ${p.expected} 个，实际给了 ${p.got} 个`,
  "err.cli.notAChoice": (p) => `${p.flags} 的值“${p.value}”无效；可选：${String(p.choices).split("|").join("、")}`,
  "err.cli.other": () => "命令行有误",
  "err.cli.internal": (p) => `subsidy 内部错误：${p.detail}`,
  "err.cli.reportBug": () => "这是 subsidy 的程序错误，不是您的文件有问题。请加 DEBUG=1 重新运行以查看详情，并报告该问题。",
  "err.cli.aborted": () => "已中止",
  "err.usage.asOf": (p) => `--as-of ${p.value}：应是 YYYY-MM-DD 格式的真实日期，例如 --as-of 2024-12-31`,
  "err.usage.lang": (p) => `--lang ${p.value}：可选 zh 或 en`,
  "err.usage.unit": (p) => `--unit ${p.value}：可选 yuan（元）或 wan（万元）`,
  "err.usage.wholeNumber": (p) => `${p.flag} ${p.value}：应是 1 到 ${p.max} 之间的整数，例如 ${p.flag} ${p.example}`,
  "err.usage.fileSize": (p) => `--max-file-size ${p.value}：应是 1 字节到 1GiB 之间的大小，例如 --max-file-size 4MiB 或 --max-file-size 500000`,
  "err.policy.noPackage": () => "找不到 subsidy 的安装文件夹，无法读取其中的 policy.yaml：请用 --policy 指定政策文件",
  "err.policy.notFound": (p) => `找不到政策文件${p.bundled ? "（安装包自带的 policy.yaml）" : ""}：请检查 --policy 给出的路径`,
  "err.walk.notFound": (p) => `${p.dir}：找不到该文件夹，请检查路径`,
  "err.walk.cannotOpen": (p) => `${p.dir}：无法打开该文件夹（${p.code}）`,
  "err.walk.notFolder": (p) => `${p.dir}：不是文件夹；请指定存放企业信息文件的文件夹（单个文件请用 subsidy check）`,
  "err.walk.cannotRead": (p) => `无法读取该文件夹（${p.code}）：请检查权限`,
  "err.walk.unreadable": () => "无法读取该企业信息文件",
  "err.walk.cycle": () => "文件夹链接指回了正在读取的上级文件夹（形成循环），已跳过",
  "err.walk.subfolder": () => "这是一个文件夹，不是普通文件；如需读取其中的文件，请加 --recursive",
  "err.walk.notRegular": (p) => `企业信息文件是${({ fifo: "命名管道（FIFO）", socket: "套接字", device: "设备" } as Record<string, string>)[String(p.kind)] ?? "特殊文件"}，不是普通文件，已跳过`,
  "err.write.isInput": (p) => `${p.target}：这是输入的企业信息文件（${p.input}），不会覆盖它；请换一个 --out 文件`,
  "err.write.notRegular": (p) => `${p.target}：已存在且不是普通文件；请换一个输出路径`,
  "err.write.exists": (p) => `${p.target}：文件已存在；请换一个文件名，或先删除它`,
  "err.write.cannotWrite": (p) => `${p.target}：无法写入（${p.code}）；请确认文件夹存在且可写`,
  "ask.key.space": () => "空格",
  "ask.key.select.navigate": () => "上下移动",
  "ask.key.select.select": () => "选定",
  "ask.key.checkbox.navigate": () => "上下移动",
  "ask.key.checkbox.select": () => "勾选",
  "ask.key.checkbox.all": () => "全选",
  "ask.key.checkbox.invert": () => "反选",
  "ask.key.checkbox.submit": () => "确认",
  "ask.yes": () => "是",
  "ask.no": () => "否",
  "ask.listJoin": () => "、",
  "init.head": (p) => `企业档案模板。填写后运行：subsidy check ${p.file}`,
  "init.policy": (p) => `政策：${p.id} ${p.version}`,
  "init.schema": () => "编辑器校验与补全：见 subsidy schema",
  "init.name": () => "必填：营业执照上的企业名称",
  "init.credit": () => "可选：统一社会信用代码，18位",
  "init.district": (p) => `淄博十一个区县之一（或其他地名）：${p.list}`,
  "init.ownership": (p) => `可选：${p.list}`,
  "init.military": () => "可选：是否军民结合企业（true / false）",
  "init.recognitions": () => "取得的名单、认定、荣誉；每项一行，去掉 # 并修改。类型：",
  "init.projects": () => "项目。类型：",
  "init.standards": () => "主导或参与编制的标准。类别：",
  "init.date": () => "列入或取得日期 YYYY-MM-DD",
  "init.term": (p) => `${p.id}（${p.label}）`,
  "init.kind": (p) => {
    const extra = [p.levels ? `级别：${p.levels}` : "", p.fields ? `附加字段：${p.fields}` : ""].filter(Boolean).join("；");
    return `${p.id} — ${p.label}${extra ? `（${extra}）` : ""}`;
  },
};

/** The file a message is about, as a consultant names it. */
function whatZh(what: string | number | undefined): string {
  return ({ profile: "企业信息文件", "policy file": "政策文件", "scenario file": "场景文件" } as Record<string, string>)[String(what)] ?? "文件";
}

/** 1.5 MB（1572864 字节） */
function bytesZh(n: string | number | undefined): string {
  const b = Number(n);
  if (b >= 1024 * 1024) return ` ${+(b / (1024 * 1024)).toFixed(1)} MB（${b} 字节）`;
  if (b >= 1024) return ` ${+(b / 1024).toFixed(1)} KB（${b} 字节）`;
  return ` ${b} 字节`;
}

/** What the yaml parser's error codes mean, in words a consultant knows. */
function yamlErrorZh(code: string | number | undefined): string {
  switch (code) {
    case "BAD_INDENT":
      return "缩进不对，同一层的键要左侧对齐";
    case "MISSING_CHAR":
      return "括号或引号没有配对结束";
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return "键的写法不对（可能少了冒号，或缩进不齐）";
    case "TAB_AS_INDENT":
      return "用了制表符缩进";
    case "BAD_SCALAR_START":
      return "值以不能直接使用的符号开头（如 @ 或 `），请给值加上引号";
    case "BLOCK_IN_FLOW":
      return "花括号或方括号内不能分行书写";
    case "BAD_DQ_ESCAPE":
      return "双引号中的转义写法不对";
    case "KEY_OVER_1024_CHARS":
      return "键太长";
    case "UNEXPECTED_TOKEN":
      return "出现了多余的符号";
    case "UNCLOSED_FLOW":
      return "花括号或方括号没有闭合（或其中的内容缩进不够）";
    default:
      return "无法按 YAML 读取";
  }
}

/** What a value was, for “实际是……”. */
function gotZh(p: Params): string {
  switch (p.got) {
    case "nothing":
      return "空值";
    case "text":
      return `文字“${p.value}”`;
    case "number":
      return `数字 ${p.value}`;
    case "long-number":
      return `一个${p.value}位的数字（位数过多，无法精确保存）`;
    case "huge-number":
      return "一个位数过多、无法精确保存的数字";
    case "list":
      return "一个列表";
    case "mapping":
      return "若干行“键: 值”";
    default:
      return ` ${p.value}`;
  }
}

function colonZh(p: Params): string {
  return p.colon ? "（这一行用了全角冒号“：”，因此被读成了文字；请改用半角冒号“:”加一个空格）" : "";
}

/** The kind of term a value must be. */
function termZh(what: string | number | undefined): string {
  return (
    ({ "recognition type": "认定类型", "project type": "项目类型", "standard scope": "标准范围", ownership: "企业性质", level: "级别", "standard role": "标准角色" } as Record<string, string>)[String(what)] ?? String(what)
  );
}

/** `a|b` vocabulary ids: a short list with each one's name, a long one as the ids alone. */
function idsZh(ids: string | number | undefined, f: Formatters): string {
  const list = String(ids ?? "").split("|");
  return list.map((id) => (list.length <= 8 && f.label(id) !== id ? `${id}（${f.label(id)}）` : id)).join("、");
}

/** The part of a scenario file a message is about. */
function scenarioWhatZh(p: Params): string {
  switch (p.what) {
    case "file":
      return "场景文件";
    case "scenario":
      return "场景";
    case "name":
      return "场景名称";
    case "asOf":
      return "as_of（评估日期，YYYY-MM-DD）";
    case "profileFile":
      return "profile_file（相对于本场景文件的路径）";
    case "program":
      return `对 ${p.id} 的预期`;
    case "totals":
      return "expected.totals";
    case "programs":
      return "expected.programs";
    default:
      return String(p.what);
  }
}

/** A value's type as zod names it (string, number…), in words. */
function typeZh(t: string | number | undefined): string {
  return ({ string: "文字", number: "数字", int: "整数", boolean: "true 或 false", array: "列表", object: "若干行“键: 值”", record: "若干行“键: 值”" } as Record<string, string>)[String(t)] ?? ` ${t}`;
}

/** A money field's name without its unit: 省级奖励金额(元) → 省级奖励金额. */
function fieldName(id: string | number | undefined, f: Formatters): string {
  return f.label(id).replace(/\s*[(（](元|yuan)[)）]$/, "");
}
function fieldNames(ids: string | number | undefined, f: Formatters, sep: string): string {
  return String(ids ?? "").split("|").map((id) => fieldName(id, f)).join(sep);
}
/** What a rate-based sum turns on: the base that reaches the cap, or the share. */
function rateZh(p: Params, f: Formatters): string {
  if (p.base !== undefined) return `（${fieldName(p.of, f)}达到${f.money(p.base)}）`;
  if (p.percent !== undefined) return `（按${fieldName(p.of, f)}的${p.percent}%计）`;
  return "";
}
