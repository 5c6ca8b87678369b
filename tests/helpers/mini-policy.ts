/** A small policy, built in code, for loader tests that must not depend on the real policy.yaml. */
import { policySchema } from "../../src/policy/schema.js";
import { indexPolicy } from "../../src/policy/index-policy.js";
import type { LoadedPolicy } from "../../src/types.js";

const l = (zh: string, en: string) => ({ zh, en });

export const miniPolicyData = {
  id: "mini",
  version: "test",
  title: l("测试政策", "Test policy"),
  issuer: l("测试", "Test"),
  issued: "2020-07-21",
  effective_from: "2020-07-21",
  vocabulary: {
    districts: [
      { id: "张店区", en: "Zhangdian District", aliases: ["张店", "zhangdian"] },
      { id: "文昌湖区", en: "Wenchang Lake District", aliases: ["文昌湖省级旅游度假区", "wenchanghu"] },
    ],
    levels: [
      { id: "national", ...l("国家级", "national") },
      { id: "provincial", ...l("省级", "provincial") },
      { id: "municipal", ...l("市级", "municipal") },
    ],
    ownership: [
      { id: "private", ...l("民营", "private") },
      { id: "state", ...l("国有", "state") },
    ],
    actions: [{ id: "二(一)", ...l("优化", "optimise") }],
    fields: {
      product: { kind: "text", ...l("产品", "product"), help: l("产品名称", "product name") },
      premium: { kind: "money", ...l("保费", "premium"), help: l("实际缴纳保费", "premium paid") },
      provincial_award: { kind: "money", ...l("省奖励", "provincial award"), help: l("省级奖励", "provincial award") },
      audited_investment: { kind: "money", ...l("审计投资额", "audited investment"), help: l("审计", "audited") },
    },
    recognition_types: [
      { id: "green-factory", ...l("绿色工厂", "green factory"), action: "二(一)", levels: ["national", "provincial"] },
      { id: "first-set-product", ...l("首台套产品", "first-set product"), action: "二(一)", fields: ["product"] },
      { id: "first-set-insurance", ...l("首台套保险", "first-set insurance"), action: "二(一)", fields: ["premium"] },
      { id: "single-champion", ...l("单项冠军", "single champion"), action: "二(一)", fields: ["provincial_award"] },
      { id: "itm-certification", ...l("两化融合", "ITM"), action: "二(一)" },
    ],
    project_types: [
      { id: "technical-renovation", ...l("技术改造", "technical renovation"), action: "二(一)", fields: ["audited_investment"] },
      { id: "resource-utilization", ...l("资源综合利用", "resource utilization"), action: "二(一)" },
    ],
    standard_scopes: [
      { id: "national", ...l("国家标准", "national"), action: "二(一)" },
      { id: "national-military", ...l("国军标", "national military"), action: "二(一)" },
    ],
    standard_roles: [
      { id: "lead", ...l("主导", "lead") },
      { id: "participant", ...l("参与", "participant") },
    ],
  },
  programs: [
    {
      id: "green-factory",
      title: l("国家绿色工厂", "National green factory"),
      clause: "二(一)3",
      quote: "对新列入国家绿色工厂的企业",
      departments: ["市工业和信息化局"],
      items: { list: "recognitions", types: ["green-factory"], levels: ["national"], newly: true },
      amount: { kind: "fixed", per: "enterprise", yuan: 1000000 },
    },
  ],
};

export function miniPolicy(): LoadedPolicy {
  const data = policySchema.parse(structuredClone(miniPolicyData));
  return { data, file: "mini-policy.yaml", sha256: "0".repeat(64), index: indexPolicy(data) };
}
