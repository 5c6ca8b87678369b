import type { Catalog, Formatters, Params } from "./index.js";

export const en: Catalog = {
  // Conditions
  "cond.district.missing": () => "The enterprise's district is not given: find out which Zibo district or county it is registered in",
  "cond.district.met": (p) => `Registered in ${p.value}, Zibo`,
  "cond.district.notZibo": (p) => `Registered in ${p.value}, which is not one of Zibo's eleven divisions: the city's programs do not apply`,
  "cond.ownership.missing": (p, f) => `Ownership is not given: the program is only for a ${f.oneOf(p.expected)}`,
  "cond.ownership.met": (p, f) => `Ownership: ${f.label(p.value)}`,
  "cond.ownership.notMet": (p, f) => `The enterprise is a ${f.label(p.value)}; the program is only for a ${f.oneOf(p.expected)}`,
  "cond.militaryCivil.missing": () => "Not known whether the enterprise is a military–civil integration enterprise (军民结合企业): set enterprise.military_civil",
  "cond.militaryCivil.met": () => "A military–civil integration enterprise (军民结合企业)",
  "cond.militaryCivil.notMet": () => "Not a military–civil integration enterprise (军民结合企业), which the program requires",
  "cond.level.missing": (p, f) => `${p.ref}: the level is not given; the program pays only at ${f.oneOf(p.expected)} level`,
  "cond.level.met": (p, f) => `${p.ref}: ${f.label(p.value)} level`,
  "cond.level.notPaid": (p, f) => `${p.ref}: ${f.label(p.value)} level earns nothing under this program, which pays only at ${f.oneOf(p.expected)} level`,
  "cond.rewarded": (p) => `${p.ref}: already rewarded by the city`,
  "cond.rewardedOnce": (p) => `${p.ref}: the enterprise was already rewarded once under this program (${p.by})`,
  "cond.rewardedSame": (p) => `${p.ref}: the same item was already rewarded (${p.by})`,
  "cond.newly.missing": (p) => `${p.ref}: the listing date is not given; only items newly obtained on or after ${p.since} qualify`,
  "cond.date.missing": (p) => `${p.ref}: the listing date is not given; the yearly cap is counted by the calendar year of the listing`,
  "cond.newly.met": (p) => `${p.ref}: newly obtained on ${p.date} (on or after ${p.since})`,
  "cond.newly.notMet": (p) => `${p.ref}: obtained on ${p.date}, before the policy took effect on ${p.since}; only newly obtained items qualify`,
  "cond.newly.notMetProgram": (p) => `${p.ref}: obtained on ${p.date}, before the program started on ${p.since}; only items newly obtained since then qualify`,
  "cond.ended": (p) => `${p.ref}: dated ${p.date}, after the program ended on ${p.ends}`,
  "cond.requires.missing": (p, f) => `${p.ref}: ${f.label(p.field)} is not given${f.help(p.field) ? `. ${f.help(p.field)}` : ""}`,
  "cond.requires.met": (p, f) => `${p.ref}: ${f.label(p.field)} ${f.field(p.field, p.value)}`,
  // Notes on items
  "note.onceEnterprise": (p) => `${p.ref}: paid once per enterprise, counted under ${p.by}`,
  "note.sameCounted": (p) => `${p.ref}: the same as ${p.by}${p.value ? ` ("${p.value}")` : ""}, which is paid; the same thing is paid once`,
  "note.yearCap": (p, f) => `${p.ref}: cut to ${f.money(p.yuan)} by the ${p.year} cap of ${f.money(p.cap)} per enterprise (${f.money(p.before)} of it already used that year)`,
  "note.totalCap": (p, f) => `${p.ref}: cut to ${f.money(p.yuan)} by the program's cap of ${f.money(p.cap)} (${f.money(p.before)} of it already used)`,
  // Computation
  "comp.fixed": (p, f) => `${p.ref}: ${f.money(p.yuan)}${p.since ? ` (value in force since ${p.since})` : ""}`,
  "comp.rate": (p, f) =>
    `${p.ref}: ${p.percent}% × ${f.fen(p.baseFen)} = ${f.fen(p.exactFen)} → ${f.money(p.yuan)}${p.since ? ` (rate in force since ${p.since})` : ""}`,
  "comp.itemCap.reached": (p, f) => `${p.ref}: capped at ${f.money(p.cap)}${p.since ? ` (cap in force since ${p.since})` : ""}`,
  "comp.itemCap.notReached": (p, f) => `${p.ref}: cap ${f.money(p.cap)} not reached${p.since ? ` (cap in force since ${p.since})` : ""}`,
  "comp.yearCap.reached": (p, f) => `${p.ref}: ${p.year} cap ${f.money(p.cap)} reached, ${f.money(p.yuan)} left for it${p.since ? ` (cap in force since ${p.since})` : ""}`,
  "comp.totalCap.reached": (p, f) => `${p.ref}: program cap ${f.money(p.cap)} reached, ${f.money(p.yuan)} left for it${p.since ? ` (cap in force since ${p.since})` : ""}`,
  "comp.distinct.each": (p, f) => `${p.count} distinct ${p.by === "product" ? (p.count === 1 ? "product" : "products") : p.count === 1 ? "item" : "items"} × ${f.money(p.each)} = ${f.money(p.yuan)}`,
  "comp.distinct.sum": (p, f) => `${p.count} distinct ${p.by === "product" ? (p.count === 1 ? "product" : "products") : p.count === 1 ? "item" : "items"}: ${f.money(p.yuan)} before caps`,
  "comp.countedOnce.lists": (p) => `${p.value || "The same item"} is on ${p.count === 2 ? "both lists" : `${p.count} lists`} (${p.refs}): counted once`,
  "comp.countedOnce.repeated": (p) => `${p.value || "The same item"} is listed ${p.count} times (${p.refs}): paid once`,
  "comp.yearCap.sumReached": (p, f) => `${p.year}: ${f.money(p.wanted)} exceeds the yearly cap of ${f.money(p.cap)} → ${f.money(p.yuan)}`,
  "comp.yearCap.sumNotReached": (p, f) => `${p.year}: ${f.money(p.yuan)}; yearly cap ${f.money(p.cap)} not reached`,
  "comp.sum": (p, f) => `${p.count} items: ${f.money(p.yuan)} in all`,
  // Reasons
  "reason.noItems": (p, f) => `The profile lists no ${f.oneOf(String(p.types).replace(/, /g, "|"))} under ${p.list}`,
  "reason.item.qualifies": (p, f) => `${p.ref}${f.item(p)} qualifies: ${p.kind === "up-to" ? "up to " : ""}${f.money(p.yuan)}`,
  "reason.item.mayApply": (p, f) => `${p.ref}${f.item(p)} qualifies to apply; support is decided on merit, with no sum named`,
  // Labels
  "label.recognitions": () => "recognitions",
  "label.projects": () => "projects",
  "label.standards": () => "standards",
  "label.level": () => "Level",
  "label.date": () => "Date listed or obtained",
  "label.district": () => "District or county",
  "label.ownership": () => "Ownership",
  "label.military_civil": () => "Military–civil integration enterprise (yes or no)",
  // Interface
  "ui.enterprise": () => "Enterprise",
  "ui.district": () => "District",
  "ui.policy": () => "Policy",
  "ui.asOf": () => "As of",
  "ui.program": () => "Program",
  "ui.clause": () => "Clause",
  "ui.amount": () => "Amount",
  "ui.why": () => "Why",
  "ui.whatToFind": () => "What to find out",
  "ui.section.fixed": () => "Eligible — fixed sums",
  "ui.section.upTo": () => "Eligible — up to a ceiling",
  "ui.section.discretionary": () => "Eligible to apply — support on merit, no sum named",
  "ui.section.needsInfo": () => "Needs information",
  "ui.section.ineligible": () => "Not eligible",
  "ui.none": () => "No program of this policy applies on the facts given.",
  "ui.upTo": () => "up to",
  "ui.onMerit": () => "on merit",
  "ui.totals.fixed": () => "Fixed total",
  "ui.totals.max": () => "Maximum incl. ceilings",
  "ui.totals.discretionary": () => "Programs to apply for on merit",
  "ui.totals.needsInfo": () => "Programs needing information",
  "ui.ceilingNotice": () => "\"Up to\" sums are ceilings: the departments decide the final amounts.",
  "ui.hiddenIneligible": () => "not eligible (show with --all)",
  "ui.explain.conditions": () => "Conditions",
  "ui.explain.computation": () => "Computation",
  "ui.explain.clause": () => "Clause",
  "ui.explain.departments": () => "Departments",
  "ui.notGiven": () => "not given",
  // Client report (Markdown, HTML)
  "report.title": () => "Subsidy eligibility report",
  "report.enterprise": () => "Enterprise",
  "report.creditCode": () => "Unified social credit code",
  "report.profileFile": () => "Profile",
  "report.sha256": () => "Policy file SHA-256",
  "report.toClaim": () => "Programs to claim",
  "report.toClaim.none": () => "On the facts given, no program can be claimed yet.",
  "report.provide": () => "Please provide",
  "report.needsInfo.intro": () => "These programs may apply; the answer turns on facts the profile does not give. Please provide:",
  "report.ineligible": () => "Programs that do not apply",
  "report.details": () => "Details",
  "report.totals": () => "Totals",
  "report.totals.fixed": () => "Fixed sums",
  "report.totals.upTo": () => "Ceilings (up to)",
  "report.totals.max": () => "Fixed sums and ceilings together",
  "report.totals.discretionary": () => "Programs on merit (no sum named)",
  "report.totals.needsInfo": () => "Programs awaiting information",
  "report.notice": () => "\"Up to\" sums are ceilings, not promises: the responsible departments review each application and decide the final amounts. Programs on merit name no sum.",
  "report.footer": (p) => `Prepared with subsidy from the policy file ${p.id} ${p.version} (SHA-256 ${p.sha256}); evaluated as of ${p.asOf}. This report is an assessment, not a decision of the government.`,
  // Spreadsheet columns (check --format csv)
  "csv.enterprise": () => "enterprise",
  "csv.file": () => "file",
  "csv.program": () => "program",
  "csv.title": () => "title",
  "csv.clause": () => "clause",
  "csv.status": () => "status",
  "csv.kind": () => "amount kind",
  "csv.yuan": () => "amount (yuan)",
  "csv.reasons": () => "reasons",
  "csv.missing": () => "missing",
  "csv.departments": () => "departments",
  "csv.asOf": () => "as of",
  "csv.policy": () => "policy",
  "csv.policyVersion": () => "policy version",
  "csv.sha256": () => "policy sha256",
  "csv.warnings": () => "warnings",
  "ui.outcome.met": () => "met",
  "ui.outcome.not-met": () => "not met",
  "ui.outcome.unknown": () => "unknown",
  "ui.status.eligible": () => "eligible",
  "ui.status.ineligible": () => "not eligible",
  "ui.status.needs-info": () => "needs information",
  "ui.kind.fixed": () => "fixed",
  "ui.kind.up-to": () => "up to",
  "ui.kind.discretionary": () => "on merit",
  // Batch
  "batch.file": () => "File",
  "batch.eligible": () => "Eligible",
  "batch.fixed": () => "Fixed",
  "batch.max": () => "Up to (max)",
  "batch.needsInfo": () => "Needs info",
  "batch.error": (p) => `error: ${p.message}`,
  "batch.programsHeading": () => "Programs across the batch",
  "batch.qualify": () => "Qualify",
  "batch.fixedSum": () => "Fixed sum",
  "batch.upToSum": () => "Up-to sum",
  "batch.grandTotals": (p, f) => `Grand totals: ${p.evaluated} of ${p.files} profiles evaluated · fixed ${f.money(p.fixed)} · up to ${f.money(p.max)} incl. ceilings`,
  "batch.errorsHeading": (p) => `${p.count} file(s) could not be evaluated:`,
  "batch.noErrors": () => "Every profile was read and evaluated.",
  "batch.noFiles": (p) => `no .yaml, .yml or .json profiles in ${p.dir}`,
  "batch.outInside": (p) => `Note: ${p.file} is in the folder ${p.dir}: the next \`subsidy batch\` of that folder will read it as a profile and list it as an error. Keep reports outside the folder of profiles.`,
  "batch.wrote": (p) => `Report written to ${p.file} (${p.count} profiles)`,
  "batch.progress": (p) => `${p.done}/${p.total} profiles`,
  "batch.title": () => "Subsidy eligibility — batch report",
  "batch.status.error": () => "error",
  "batch.csv.policyId": () => "policy id",
  "batch.csv.policyVersion": () => "policy version",
  "batch.csv.policySha256": () => "policy sha256",
  "batch.csv.asOf": () => "as of",
  "batch.csv.warnings": () => "warnings",
  "batch.csv.file": () => "file",
  "batch.csv.enterprise": () => "enterprise",
  "batch.csv.creditCode": () => "credit code",
  "batch.csv.district": () => "district",
  "batch.csv.ownership": () => "ownership",
  "batch.csv.enterpriseFixed": () => "enterprise fixed total (yuan)",
  "batch.csv.enterpriseMax": () => "enterprise max total (yuan)",
  "batch.csv.program": () => "program",
  "batch.csv.title": () => "title",
  "batch.csv.clause": () => "clause",
  "batch.csv.status": () => "status",
  "batch.csv.kind": () => "amount kind",
  "batch.csv.yuan": () => "amount (yuan)",
  "batch.csv.missing": () => "missing facts",
  "batch.csv.reasons": () => "reasons",
  // Warnings
  "warn.beforeEffective": (p) => `Warning: the evaluation date ${p.asOf} is before the policy took effect on ${p.from}; no program applied then`,
  "warn.afterUntil": (p) => `Warning: the evaluation date ${p.asOf} is after the policy's end on ${p.until}`,
  "warn.confirmInForce": (p) => `Warning: the policy names no expiry and its review date ${p.date} has passed; as of ${p.asOf}, confirm with the departments that it is still in force`,
  "warn.programEnded": (p) => `Warning: program ${p.program} ended on ${p.ends}`,
  // subsidy policy …
  "policy.rateOf": (p) => `${p.percent} of ${p.field}`,
  "policy.cap.item": (p) => `at most ${p.cap} per item`,
  "policy.cap.year": (p) => `at most ${p.cap} per enterprise and calendar year`,
  "policy.cap.total": (p) => `at most ${p.cap} in all`,
  "policy.per.enterprise": () => "once per enterprise",
  "policy.per.item": () => "per item",
  "policy.per.distinct": (p) => `per distinct ${p.by}`,
  "policy.window": () => "In force",
  "policy.reviewAfter": () => "confirm still in force after",
  "policy.col.id": () => "Id",
  "policy.col.kind": () => "Kind",
  "policy.endsOn": (p) => `ends ${p.date}`,
  "policy.startsOn": (p) => `from ${p.date}`,
  "policy.quote": () => "Clause text",
  "policy.rule": () => "Rule",
  "policy.items": () => "Pays for",
  "policy.levels": () => "Levels",
  "policy.newly": (p) => `Newly obtained: dated on or after ${p.date}`,
  "policy.needsDate": () => "The item's date is needed (yearly cap)",
  "policy.requires": () => "Facts required",
  "policy.ownership": () => "Ownership",
  "policy.militaryCivil": () => "Military–civil integration enterprises (军民结合企业) only",
  "policy.datedValues": () => "Dated values (each in force from its date until the next; an item's own date decides, else --as-of)",
  "policy.fromDate": (p) => `from ${p.date}`,
  "policy.notes": () => "Notes",
  "policy.severity.error": () => "error",
  "policy.severity.warning": () => "warning",
  "policy.validate.valid": (p) => `${p.file}: valid (${p.warnings} warnings)`,
  "policy.validate.invalid": (p) => `${p.file}: invalid — ${p.errors} errors, ${p.warnings} warnings`,
  "policy.diff.head": (p) => `Policy diff: ${p.old} → ${p.new}`,
  "policy.diff.policyFields": () => "Policy:",
  "policy.diff.noProgramChange": () => "No program changed.",
  "policy.diff.added": () => "added",
  "policy.diff.removed": () => "removed",
  "policy.diff.impactHead": (p) => `Profiles on ${p.asOf}: ${p.evaluated} evaluated, ${p.changed} with changed amounts`,
  "policy.diff.absent": () => "not in this version",
  "policy.test.summary": (p) => `${p.passed} passed, ${p.failed} failed (${p.total} scenarios, policy ${p.policy} (${p.file}, sha256 ${p.sha}))`,
  "init.written": (p) => `Wrote ${p.file}: fill it in, then run: subsidy check ${p.file}`,
  "schema.written": (p) => `Wrote ${p.file}`,
  // Questionnaire (subsidy ask)
  "ask.notTerminal": () => "subsidy ask needs a terminal; to evaluate a file use: subsidy check FILE",
  "ask.aborted": () => "Aborted",
  "ask.loader": (p) => String(p.message),
  "ask.required": () => "an answer is needed here",
  "ask.optional": () => "(Enter to leave it empty if not known.)",
  "ask.name": () => "Enterprise name (as registered):",
  "ask.district": () => "Which district or county of Zibo is the enterprise registered in?",
  "ask.district.elsewhere": () => "elsewhere (not in Zibo)",
  "ask.elsewhere": () => "The enterprise is not registered in one of Zibo's eleven divisions, so none of this Zibo policy's programs apply. Nothing more to ask.",
  "ask.creditCode": () => "Unified social credit code (统一社会信用代码, 18 characters; optional):",
  "ask.ownership": () => "Ownership of the enterprise:",
  "ask.militaryCivil": () => "Is it a military–civil integration enterprise (军民结合企业)?",
  "ask.items": (p) => `${p.action} ${p.en}: which of these does the enterprise have? (space to tick, enter when done)`,
  "ask.items.other": () => "Other items: which of these does the enterprise have? (space to tick, enter when done)",
  "ask.level.notPaid": () => "no program pays at this level",
  "ask.item.level": (p) => `${p.en}${p.tag}: at which level?`,
  "ask.item.date": (p) => `${p.en}${p.tag}: date listed, certified or completed (YYYY-MM-DD):`,
  "ask.item.date.help": (p) => `Programs that say "newly" pay only for items obtained on or after ${p.since}.`,
  "ask.item.date.help.year": () => "The yearly cap is counted by the calendar year of this date.",
  "ask.item.field": (p) => `${p.en}${p.tag}: ${p.fieldEn}:`,
  "ask.item.code": (p) => `${p.en}${p.tag}: standard code (e.g. GJB 1234-2024):`,
  "ask.item.name": (p) => `${p.en}${p.tag}: project name:`,
  "ask.item.another": (p) => `Another ${p.en}?`,
  "ask.money.empty": () => "enter a sum, e.g. 3800000, 380万 or 1.2亿",
  "ask.money.format": (p) => `"${p.value}" is not a sum of money; write e.g. 3800000, 3,800,000, 380万 or 1.2亿`,
  "ask.money.grouping": (p) => `"${p.value}": commas must group digits in threes (3,800,000); or leave them out`,
  "ask.money.precision": (p) => `"${p.value}" is more precise than a fen (0.01 yuan); check the figure`,
  "ask.money.negative": () => "money cannot be negative",
  "ask.money.echo": (p) => `That is ${p.yuan}. Correct?`,
  "ask.from.nothing": () => "Nothing is missing: no program is waiting for a fact this profile lacks.",
  "ask.interviewFile": () => "(interview)",
  "ask.save": () => "Save these answers as a profile file?",
  "ask.save.file": () => "File name:",
  "ask.save.exists": (p) => `${p.file} already exists. Overwrite it?`,
  "ask.save.isInput": (p) => `${p.file} is the profile you started from; it is never overwritten. Choose another name.`,
  "ask.saved": (p) => `Saved ${p.file}. Evaluate it again any time with: subsidy check ${p.file}`,
  // issue 16: amounts a consultant can quote
  "cond.rewarded.stated": (p, f) => `${p.ref}: already rewarded by the city (${f.money(p.yuan)} received)`,
  "cond.beforePolicy": (p) => `${p.ref}: obtained on ${p.date}, before the policy took effect on ${p.since} — confirm with the department`,
  "cond.base.zero": (p, f) => `${p.ref}: ${f.label(p.field)} is ¥0, so there is nothing to match: not eligible`,
  "cond.renewal": (p) => `${p.ref}: a renewal or re-review of ${p.by} (first obtained on ${p.date}, before ${p.since}), not a new recognition`,
  "note.sameCutToZero": (p) => `${p.ref}: the same as ${p.by}${p.value ? ` ("${p.value}")` : ""}, which earned ¥0 after the cap; not paid again under this reading`,
  "note.yearCap.zero": (p, f) => `${p.ref}: earns ¥0 — the ${p.year} cap of ${f.money(p.cap)} per enterprise was already used up (${f.money(p.before)} counted that year)`,
  "note.totalCap.zero": (p, f) => `${p.ref}: earns ¥0 — the program's cap of ${f.money(p.cap)} was already used up (${f.money(p.before)} counted)`,
  "comp.rewardedCounted": (p, f) => `${p.ref}: already paid by the city, counted at ${f.money(p.yuan)} (what the policy pays for it) against the ${p.year ? `${p.year} ` : ""}cap`,
  "comp.rewardedCounted.stated": (p, f) => `${p.ref}: already paid by the city, counted at the ${f.money(p.yuan)} received against the ${p.year ? `${p.year} ` : ""}cap`,
  "reading.note": (p) => String(p.en),
  "reading.adopted": () => "under the reading the tool adopts",
  "ui.alternative": (p, f) => `${f.money(p.yuan)} ${p.note}`,
  "ui.totals.conservative": () => "At the lowest reading",
  "ui.none.outsideZibo": (p) => `No program of this policy applies: ${p.value} is not one of Zibo's eleven divisions.`,
  "ui.none.why": (p) => `No program of this policy applies: ${p.why}`,
  "ui.headlineReading": (p) => `(lowest reading: ${p.reading})`,
  "warn.afterAsOf": (p, f) => `Left out: ${p.ref}${f.item(p)} is dated after the evaluation date ${p.asOf}`,
  "profile.district.slip": (p) => `'${p.value}' is not one of Zibo's divisions; did you mean ${p.suggestion}? If the enterprise is registered outside Zibo, write the place with its city (e.g. 上海市宝山区)`,
  "policy.identity.unknownField": (p) => `unknown field '${p.field}' in identity${p.suggest ? `; did you mean '${p.suggest}'?` : ""}`,
  "policy.reading.unknownProgram": (p) => `the reading names program '${p.id}', which this policy does not have${p.suggest ? `; did you mean '${p.suggest}'?` : ""}`,
  "ask.item.rewarded": (p) => `${p.en}${p.tag}: has the city already paid for it?`,
  "ask.item.rewardedYuan": (p) => `${p.en}${p.tag}: how much was received (yuan; leave empty if not known)?`,
  "batch.conservativeTotals": (p, f) => `At every program's lowest reading: fixed ${f.money(p.fixed)} · up to ${f.money(p.max)} incl. ceilings`,
  "usage.reading": (p) => `--reading ${p.value}: expected adopted or conservative`,
  // issue 21: opportunities
  "ask.opportunities": () => "Show what else the client could obtain?",
  "opp.findOut": (p, f) => `Find out ${fieldNames(p.fields, f, " and ")}${p.item !== undefined ? ` of “${p.item}”` : ""}${p.ownership !== undefined ? ` (it must be a ${f.label(p.ownership)})` : ""}`,
  "opp.headroom": (p, f) => `${p.count} more can be rewarded in ${p.year}, ${f.money(p.each)} each (yearly cap ${f.money(p.cap)})`,
  "opp.higherLevel": (p, f) => `Move up from ${f.label(p.now)} to ${f.label(p.level)} ${lower(f.label(p.type))}${rateEn(p, f)}`,
  "opp.new.recognitions": (p, f) => `Obtain a new ${p.level !== undefined ? `${f.label(p.level)} ` : ""}${lower(f.label(p.type))}${rateEn(p, f)}`,
  "opp.new.projects": (p, f) => `One more ${lower(f.label(p.type))}${rateEn(p, f)}`,
  "opp.new.standards": (p, f) => `Lead or take part in drafting one more ${lower(f.label(p.type))}`,
  "ui.section.opportunities": () => "What else the client could obtain",
  "ui.opp.change": () => "What it takes",
  "ui.opp.share": () => "a share",
  "ui.opp.none": () => "Going by the facts given, nothing more can be obtained under this policy.",
  "ui.opp.enterprises": () => "Enterprises",
  "ui.opp.atStake": () => "At stake",
  // issue 19: messages (loader, validation, policy, commands)
  "err.file.empty": () => "file is empty (nothing but blank lines or comments); fill it in or remove it",
  "err.file.tooLarge": (p) => `file is ${bytesEn(p.size)}, over the limit of ${bytesEn(p.limit)}; ${p.kind === "policy" ? "a policy is a few hundred kilobytes — check this is the right file" : "a profile is a few kilobytes — check this is the right file, or raise the limit with --max-file-size"}`,
  "err.file.notRegular": (p) => `${p.what} is ${({ directory: "a directory", fifo: "a named pipe (FIFO)", socket: "a socket", device: "a device" } as Record<string, string>)[String(p.kind)] ?? "not a regular file"}, not a regular file; name a .yaml or .json file`,
  "err.file.notFound": (p) => `${p.what} not found; check the path`,
  "err.file.danglingLink": (p) => `${p.what} is a symbolic link to something that does not exist`,
  "err.file.permission": (p) => `permission denied: cannot read the ${p.what}; check its permissions`,
  "err.file.loop": (p) => `${p.what} is a symbolic link that loops back on itself`,
  "err.file.notDir": () => "a part of the path is not a directory; check the path",
  "err.file.nameTooLong": () => "the path is too long",
  "err.file.unreadable": (p) => `cannot read the ${p.what}: ${p.detail}`,
  "err.parse.utf16": (p) => `file is saved as UTF-16 (${p.which}, Notepad's "Unicode"); re-save as UTF-8 (in Notepad: Save As → Encoding: UTF-8)`,
  "err.parse.binary": (p) => `binary file: byte 0x${p.byte} is not text; is this a spreadsheet or a document rather than a .yaml/.json file?`,
  "err.parse.gbk": () => "file is not UTF-8: it looks like GBK/GB18030 (a Chinese Windows encoding); re-save as UTF-8",
  "err.parse.notUtf8": () => "file is not valid UTF-8 text; re-save it as UTF-8",
  "err.parse.tooDeep": (p) => `nesting is deeper than ${p.limit} levels; ${p.kind === "policy" ? "a policy needs only a few" : "a profile needs only a few (raise the limit with --max-depth if this is deliberate)"}`,
  "err.parse.tooMany": (p) => `a list or mapping has ${p.count} entries, more than the limit of ${p.limit}; ${p.kind === "policy" ? "shorten the list" : "split the file, or raise the limit with --max-items"}`,
  "err.parse.crashed": (p) => `could not parse the file: ${p.detail}`,
  "err.parse.duplicateKey": (p) => `duplicate key '${p.key}': each key may appear only once in a mapping${p.numeric ? ` (1: and "1": are the same key)` : ""}; remove or rename one`,
  "err.parse.nonStringKey": () => "keys must be plain text (no lists or mappings as keys)",
  "err.parse.syntax": (p) => `YAML syntax error: ${p.detail}${p.hint === "colon" ? " (this line uses the full-width colon '：'; use ':' followed by a space)" : p.hint === "tab" ? " (indent with spaces, not tabs)" : ""}`,
  "err.parse.multiDoc": () => "the file holds several documents (separated by ---); put one enterprise per file",
  "err.parse.directive": (p) => `directives such as %${p.directive} are not accepted: they change how values are read (YAML 1.1 reads 'on' as true and 012 as 10); remove the line`,
  "err.parse.tag": (p) => `tags such as ${p.tag} are not accepted; write a plain value (text, number, true/false, a date as YYYY-MM-DD)`,
  "err.parse.warning": (p) => `not accepted: ${p.detail}`,
  "err.parse.fullWidthColon": () => "the file reads as one piece of text because it uses the full-width colon '：'; write keys with an ASCII colon and a space, e.g. 'name: 淄博华创' (check the input method's full-width punctuation)",
  "err.parse.alias": (p) => `aliases (*${p.name}) are not accepted; write the value out in full`,
  "err.parse.anchor": (p) => `anchors (&${p.name}) are not accepted; write each value out in full`,
  "err.parse.forbiddenKey": (p) => `the key '${p.key}' is not accepted (it could tamper with the program); remove it`,
  "label.enterprise": () => "enterprise",
  "label.name": () => "name",
  "label.credit_code": () => "credit code",
  "label.type": () => "type",
  "label.scope": () => "scope",
  "label.role": () => "role",
  "label.code": () => "standard code",
  "label.rewarded": () => "already rewarded",
  "label.note": () => "note",
  "err.profile.atField": (p) => String(p.message),
  "err.profile.invalid": (p) => String(p.detail),
  "err.profile.required": () => "missing: this field is required",
  "err.profile.expectedText": (p) => `expected text, got ${gotEn(p)}${String(p.got).endsWith("number") ? "; put it in quotes" : ""}`,
  "err.profile.booleanWord": (p) => `expected true or false: write ${p.word}, not '${p.value}' (YAML reads '${p.value}' as text)`,
  "err.profile.expectedBoolean": (p) => `expected true or false, got ${gotEn(p)}`,
  "err.profile.moneyText": (p) => `write money as a plain number of yuan, e.g. ${p.suggest}, not "${p.value}"`,
  "err.profile.moneyNumber": (p) => `expected a number of yuan, got ${p.value}`,
  "err.profile.moneyExpected": (p) => `expected a plain number of yuan, e.g. 3800000; got ${gotEn(p)}`,
  "err.profile.moneyNegative": (p) => `money cannot be negative (got ${p.value})`,
  "err.profile.moneyTooLarge": (p) => `${p.value} yuan is too large to be exact (the most is 9007199254740991); check the figure is in yuan`,
  "err.profile.moneyDecimals": (p) => `money has at most two decimals (fen), got ${p.value}`,
  "err.profile.dateExpected": (p) => `expected a date written YYYY-MM-DD (in quotes is fine), got ${gotEn(p)}`,
  "err.profile.dateFormat": (p) => `expected a date written YYYY-MM-DD${p.suggest ? `, e.g. ${p.suggest}` : ""}, got "${p.value}"`,
  "err.profile.dateNotReal": (p) => `${p.value} is not a real calendar date; check the month and day`,
  "err.profile.termMissing": (p) => `missing ${p.what}: write one of ${idsEn(p.ids)}`,
  "err.profile.termExpected": (p) => `expected a ${p.what} (one of ${idsEn(p.ids)}), got ${gotEn(p)}${colonEn(p)}`,
  "err.profile.termUnknown": (p) => `unknown ${p.what} '${p.value}'${p.suggest ? `; did you mean '${p.suggest}'?` : ""} — valid: ${idsEn(p.ids)}`,
  "err.profile.expectedMapping": (p) => `expected ${p.what === "enterprise" ? "enterprise" : `each item of ${p.what}`} as a mapping (key: value lines), got ${gotEn(p)}${colonEn(p)}`,
  "err.profile.missingEnterprise": () => "missing the enterprise section: add 'enterprise:' with at least 'name:' under it",
  "err.profile.missingItem": (p) => `missing each item of ${p.list}`,
  "err.profile.expectedList": (p) => `expected ${p.list} as a list (lines starting with '- '), got ${gotEn(p)}${colonEn(p)}`,
  "err.profile.notMapping": (p) => `a profile is a mapping with enterprise:, recognitions:, projects: and standards:, got ${gotEn(p)}${colonEn(p)}`,
  "err.profile.nameEmpty": () => "the enterprise name is empty; write the registered name",
  "err.profile.fieldForOtherKinds": (p) => `'${p.key}' does not apply to ${p.list} of ${p.kindKey} '${p.kind}'; it is for ${p.kindKey} ${idsEn(p.kinds)}`,
  "err.profile.fieldOfOtherList": (p) =>
    `'${p.key}' does not apply to ${p.list}; it belongs to ${String(p.elsewhere)
      .split("|")
      .map((e) => {
        const [list, kindKey, id] = e.split(" ");
        return `${list} of ${kindKey} ${id}`;
      })
      .join(", ")}`,
  "err.profile.fieldNotApplicable": (p) => `'${p.key}' does not apply to ${p.list} of ${p.kindKey} '${p.kind}'; remove it`,
  "err.profile.unknownField": (p) =>
    `unknown field '${p.key}'${p.where ? ` in ${p.where}` : ""}${p.suggest ? `; did you mean '${p.suggest}'?` : p.colon ? " — the full-width colon '：' does not separate a key from its value; use ':' and a space" : p.known ? ` (known: ${idsEn(p.known)})` : ""}`,
  "err.creditCode.length": (p) => `invalid credit code (统一社会信用代码): a credit code has 18 characters, this one has ${p.count}`,
  "err.creditCode.char": (p) =>
    `invalid credit code (统一社会信用代码): character ${p.index} '${p.char}' is not allowed in a credit code${p.upper ? ` (write capitals: '${p.upper}')` : ""}${p.never ? " (I, O, Z, S and V are never used)" : ""}`,
  "err.creditCode.check": (p) => `invalid credit code (统一社会信用代码): the check character (the 18th) should be '${p.expected}', not '${p.actual}': a character is probably mistyped`,
  "err.policy.file": (p) => `policy: ${p.message}`,
  "err.policy.unknownField": (p) => `unknown field '${p.key}' in the policy`,
  "err.policy.required": (p) => `missing: this field is required (expected ${p.expected})`,
  "err.policy.wrongType": (p) => String(p.detail),
  "err.policy.notOneOf": (p) => String(p.detail),
  "err.policy.tooSmall": (p) => String(p.detail),
  "err.policy.tooBig": (p) => String(p.detail),
  "err.policy.format": (p) => String(p.detail),
  "err.policy.invalid": (p) => String(p.detail),
  "err.policy.discretionaryWithSum": () => "a discretionary program names no sum or rate",
  "err.policy.yuanOrRate": () => "give exactly one of yuan or rate",
  "err.policy.distinctNeedsBy": () => "per: distinct needs distinct_by",
  "err.policy.duplicateId": (p) => `duplicate id '${p.id}' in ${p.where}`,
  "err.policy.districtClash": (p) => `'${p.name}' names both ${p.a} and ${p.b}`,
  "err.policy.unknownRef": (p) => `unknown ${p.what} '${p.value}'${p.suggest ? `; did you mean '${p.suggest}'?` : ""}; define it in vocabulary.${p.list}`,
  "err.policy.typeNotInVocabulary": (p) => `'${p.value}' is not in vocabulary.${p.vocabulary}${p.suggest ? `; did you mean '${p.suggest}'?` : ""}`,
  "err.policy.requiresNotTaken": (p) => `requires '${p.field}', which type ${idsEn(p.types)} does not take (add it to that type's fields)`,
  "err.policy.rateNotMoney": (p) => `'${p.field}' is a ${p.kind} field; a rate needs a money field`,
  "err.policy.unknownDistinctBy": (p) => `unknown field '${p.value}'${p.suggest ? `; did you mean '${p.suggest}'?` : ""}`,
  "err.policy.distinctByOnly": (p) => `distinct_by only applies with per: distinct (this program has per: ${p.per})`,
  "err.policy.endsBeforeStarts": (p) => `ends ${p.ends} is before starts ${p.starts}`,
  "err.policy.datedOrder": (p) => `dated values must be in ascending date order: ${p.date} is written after ${p.prev}`,
  "err.policy.firstDatedLate": (p) =>
    `the first dated value takes effect on ${p.first}, after the program starts (${p.starts}); items dated before ${p.first} also get this first value — add a value dated ${p.starts} if that is not meant`,
  "err.policy.datedAfterEnd": (p) => `value dated ${p.date} is after the program ends (${p.ends}) and is never used`,
  "err.policy.startsBeforeEffective": (p) => `starts ${p.starts} is before the policy's effective_from ${p.from}`,
  "err.policy.endsAfterUntil": (p) => `ends ${p.ends} is after the policy's effective_until ${p.until}`,
  "err.policy.untilBeforeFrom": (p) => `effective_until ${p.until} is before effective_from ${p.from}`,
  "err.policy.reviewBeforeFrom": (p) => `review_after ${p.review} is before effective_from ${p.from}`,
  "err.policy.blankText": (p) => `missing translation: the ${p.lang} text is blank`,
  "err.policy.enStillChinese": (p) => `missing translation: the en text "${p.text}" is still Chinese`,
  "err.policy.unused": (p) =>
    `unused vocabulary: ${p.what} '${p.id}' ${({ action: "is the action of no item type", level: "is named by no item type or program", field: "is taken by no item type and read by no program", paid: "is paid by no program" } as Record<string, string>)[String(p.why)] ?? ""}`,
  "err.usage.format": (p) => {
    const formats = String(p.formats).split("|");
    return `--format ${p.value}: expected ${formats.length === 2 ? formats.join(" or ") : `one of ${formats.join(", ")}`}`;
  },
  "err.usage.outFormat": (p) => `--out ${p.out}: cannot tell the format from the name; end it in .csv, .json or .md, or add --format csv|json|md`,
  "err.usage.noProgram": (p) => `no program '${p.id}' in policy ${p.policy}${p.suggest ? `; did you mean '${p.suggest}'?` : ""}; run 'subsidy policy list' for the ids`,
  "err.usage.profilesNotFolder": (p) => `--profiles ${p.dir}: not a folder; give the folder holding the profiles to re-evaluate`,
  "err.usage.noScenarios": (p) => `${p.where}: no such scenario folder or file${p.isDefault ? " (the default is fixtures/scenarios of the current folder; name one)" : ""}`,
  "err.usage.emptyScenarioFolder": (p) => `${p.where}: no scenario files (.yaml, .yml, .json) in this folder`,
  "err.scenario.mapping": (p) => `expected ${scenarioWhatEn(p)} as a mapping (key: value lines)`,
  "err.scenario.unknownField": (p) => `unknown field '${p.key}' in ${scenarioWhatEn(p)}${p.suggest ? `; did you mean '${p.suggest}'?` : ` (known: ${idsEn(p.known)})`}`,
  "err.scenario.text": (p) => `expected ${scenarioWhatEn(p)} as text`,
  "err.scenario.yuan": (p) => `expected a whole number of yuan${p.nullable ? " (or null for a discretionary program)" : ""}, e.g. 3800000`,
  "err.scenario.list": () => "expected scenarios as a non-empty list (lines starting with '- ')",
  "err.scenario.asOf": (p) => `as_of must be a real date written YYYY-MM-DD, got "${p.value}"`,
  "err.scenario.bothProfiles": () => "give either profile (inline) or profile_file, not both",
  "err.scenario.profileFile": (p) => `profile_file ${p.rel}: ${p.message}`,
  "err.scenario.noProfile": () => "a scenario needs profile: (the profile written inline) or profile_file: (a path relative to the scenario file)",
  "err.scenario.status": (p) => `status must be one of ${idsEn(p.statuses)}${p.suggest ? `; did you mean '${p.suggest}'?` : ""}`,
  "err.scenario.missing": () => `missing must be a list of profile paths, e.g. ["projects[0].audited_investment"] (quote each path: YAML reads [ ] as a list)`,
  "err.scenario.reasonContains": () => "reason_contains must be text, or a list of texts, found in the English reasons",
  "err.scenario.nothingToCheck": () => "expected names nothing to check: give totals and/or programs",
  "err.scenario.profileFailed": (p) => `the profile could not be evaluated: ${p.message}`,
  "err.scenario.fileFailed": (p) => `the scenario file could not be read: ${p.message}`,
  "err.scenario.aProgram": () => "a program of the policy",
  "err.scenario.noProgram": (p) => `no program '${p.id}' in policy ${p.policy}${p.suggest ? `; did you mean '${p.suggest}'?` : ""}`,
  "scenario.pass": () => "PASS",
  "scenario.fail": () => "FAIL",
  "scenario.expected": () => "expected: ",
  "scenario.actual": () => "actual:   ",
  "err.cli.helpHint": () => "(run with --help for usage)",
  "err.cli.unknownOption": (p) => `error: unknown option '${p.flag}'${p.suggest ? `\n(Did you mean ${p.suggest}?)` : ""}`,
  "err.cli.unknownCommand": (p) => `error: unknown command '${p.name}'${p.suggest ? `\n(Did you mean ${p.suggest}?)` : ""}`,
  "err.cli.missingArgument": (p) => `error: missing required argument '${p.name}'`,
  "err.cli.optionValueMissing": (p) => `error: option '${p.flags}' argument missing`,
  "err.cli.requiredOption": (p) => `error: required option '${p.flags}' not specified`,
  "err.cli.tooManyArguments": (p) => `error: too many arguments${p.command ? ` for '${p.command}'` : ""}. Expected ${p.expected} argument${p.expected === "1" ? "" : "s"} but got ${p.got}.`,
  "err.cli.notAChoice": (p) => `error: option '${p.flags}' argument '${p.value}' is invalid. Allowed choices are ${idsEn(p.choices)}.`,
  "err.cli.other": (p) => `error: ${p.detail}`,
  "err.cli.internal": (p) => `subsidy: internal error: ${p.detail}`,
  "err.cli.reportBug": () => "This is a bug in subsidy, not in your files. Run again with DEBUG=1 for details and report it.",
  "err.cli.aborted": () => "Aborted",
  "err.usage.asOf": (p) => `--as-of ${p.value}: expected a real date written YYYY-MM-DD, e.g. --as-of 2024-12-31`,
  "err.usage.lang": (p) => `--lang ${p.value}: expected zh or en`,
  "err.usage.unit": (p) => `--unit ${p.value}: expected yuan or wan`,
  "err.usage.wholeNumber": (p) => `${p.flag} ${p.value}: expected a whole number from 1 to ${p.max}, e.g. ${p.flag} ${p.example}`,
  "err.usage.fileSize": (p) => `--max-file-size ${p.value}: expected a size from 1 byte to 1GiB, e.g. --max-file-size 4MiB or --max-file-size 500000`,
  "err.policy.noPackage": () => "cannot find the subsidy package's folder to read its policy.yaml; pass --policy",
  "err.policy.notFound": (p) => `policy file not found${p.bundled ? " (the default policy.yaml of the package)" : ""}; check the path given to --policy`,
  "err.walk.notFound": (p) => `${p.dir}: folder not found; check the path`,
  "err.walk.cannotOpen": (p) => `${p.dir}: cannot open the folder (${p.code})`,
  "err.walk.notFolder": (p) => `${p.dir}: not a folder; give the folder that holds the profiles (for one file use subsidy check)`,
  "err.walk.cannotRead": (p) => `cannot read the folder (${p.code}); check its permissions`,
  "err.walk.unreadable": () => "cannot read the profile",
  "err.walk.cycle": () => "folder link leads back to a folder already being read (a cycle); skipped",
  "err.walk.subfolder": () => "profile is a directory, not a regular file; use --recursive to read the folders inside",
  "err.walk.notRegular": (p) => `profile is ${({ fifo: "a named pipe (FIFO)", socket: "a socket", device: "a device" } as Record<string, string>)[String(p.kind)] ?? "not a regular file"}, not a regular file; skipped`,
  "err.write.isInput": (p) => `${p.target}: refusing to overwrite an input profile (${p.input}); choose another --out file`,
  "err.write.notRegular": (p) => `${p.target}: exists and is not a regular file; choose another output path`,
  "err.write.exists": (p) => `${p.target}: already exists; choose another file name or remove it first`,
  "err.write.cannotWrite": (p) => `${p.target}: cannot write (${p.code}); check that the folder exists and is writable`,
  "ask.key.space": () => "space",
  "ask.key.select.navigate": () => "navigate",
  "ask.key.select.select": () => "select",
  "ask.key.checkbox.navigate": () => "navigate",
  "ask.key.checkbox.select": () => "select",
  "ask.key.checkbox.all": () => "all",
  "ask.key.checkbox.invert": () => "invert",
  "ask.key.checkbox.submit": () => "submit",
  "ask.yes": () => "Yes",
  "ask.no": () => "No",
  "ask.listJoin": () => ", ",
  "init.head": (p) => `Enterprise profile template. Fill it in, then run: subsidy check ${p.file}`,
  "init.policy": (p) => `Policy: ${p.id} ${p.version}`,
  "init.schema": () => "Validation and completion in editors: see subsidy schema",
  "init.name": () => "required: the registered name on the business licence",
  "init.credit": () => "optional: unified social credit code (统一社会信用代码), 18 characters",
  "init.district": (p) => `one of Zibo's eleven divisions (or any other place name): ${p.list}`,
  "init.ownership": (p) => `optional: ${p.list}`,
  "init.military": () => "optional: a military–civil integration enterprise (军民结合企业)? true / false",
  "init.recognitions": () => "Listings, certifications and honours obtained; one entry each: remove the # and edit. Types:",
  "init.projects": () => "Projects. Types:",
  "init.standards": () => "Standards the enterprise led or took part in drafting. Scopes:",
  "init.date": () => "date listed or obtained, YYYY-MM-DD",
  "init.term": (p) => `${p.id} (${p.label})`,
  "init.kind": (p) => {
    const extra = [p.levels ? `levels: ${p.levels}` : "", p.fields ? `extra fields: ${p.fields}` : ""].filter(Boolean).join("; ");
    return `${p.id} — ${p.label}${extra ? ` (${extra})` : ""}`;
  },
};

/** 1.5 MiB (1572864 bytes) */
function bytesEn(n: string | number | undefined): string {
  const b = Number(n);
  if (b >= 1024 * 1024) return `${+(b / (1024 * 1024)).toFixed(1)} MiB (${b} bytes)`;
  if (b >= 1024) return `${+(b / 1024).toFixed(1)} KiB (${b} bytes)`;
  return `${b} bytes`;
}

/** What a value was, for "got …". */
function gotEn(p: Params): string {
  switch (p.got) {
    case "nothing":
      return "nothing";
    case "text":
      return `the text "${p.value}"`;
    case "number":
      return `the number ${p.value}`;
    case "long-number":
      return `a number of ${p.value} digits, too long to be kept exactly`;
    case "huge-number":
      return "a number too long to be kept exactly";
    case "list":
      return "a list";
    case "mapping":
      return "a mapping (key: value lines)";
    default:
      return String(p.value);
  }
}

function colonEn(p: Params): string {
  return p.colon ? " — this line uses the full-width colon '：', so it reads as text; use ':' followed by a space" : "";
}

function idsEn(ids: string | number | undefined): string {
  return String(ids ?? "").split("|").join(", ");
}

/** The part of a scenario file a message is about. */
function scenarioWhatEn(p: Params): string {
  switch (p.what) {
    case "file":
      return "a scenario file";
    case "scenario":
      return "a scenario";
    case "name":
      return "the scenario's name";
    case "asOf":
      return "as_of, the evaluation date (YYYY-MM-DD)";
    case "profileFile":
      return "profile_file, a path relative to this scenario file";
    case "program":
      return `the expectation for ${p.id}`;
    case "totals":
      return "expected.totals";
    case "programs":
      return "expected.programs";
    default:
      return String(p.what);
  }
}

/** A money field's name without its unit: Provincial award (yuan) → provincial award. */
function fieldName(id: string | number | undefined, f: Formatters): string {
  if (id === "military_civil") return "whether the enterprise is a military–civil integration (军民结合) enterprise";
  if (id === "ownership") return "the enterprise's ownership";
  return `the ${lower(f.label(id).replace(/\s*[(（](元|yuan)[)）]$/, ""))}`;
}
function fieldNames(ids: string | number | undefined, f: Formatters, sep: string): string {
  return String(ids ?? "").split("|").map((id) => fieldName(id, f)).join(sep);
}
/** "Green factory" → "green factory", but "ITM certification" stays. */
function lower(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? (s[0] as string).toLowerCase() + s.slice(1) : s;
}
/** What a rate-based sum turns on: the base that reaches the cap, or the share. */
function rateEn(p: Params, f: Formatters): string {
  if (p.base !== undefined) return ` (${fieldName(p.of, f)} of ${f.money(p.base)} or more)`;
  if (p.percent !== undefined) return ` (${p.percent}% of the ${fieldName(p.of, f)})`;
  return "";
}
