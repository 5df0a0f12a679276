// The page's logic: builds a case from the form (or takes a pasted one), asks this server
// (/v1/evaluate, /v1/check) and shows the answer. No other address is ever contacted.
"use strict";

(function () {
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));

  const PROGRAMMES = {
    minimum_living: "最低生活保障 Minimum living (dibao)",
    marginal_family: "低保边缘家庭 Marginal family",
    special_hardship: "特困人员供养 Special hardship (tekun)",
    rigid_expenditure: "刚性支出困难 Rigid expenditure",
    temporary_relief: "临时救助 Temporary relief",
  };
  const OUTCOMES = {
    eligible: "符合 eligible",
    not_eligible: "不符合 not eligible",
    needs_review: "需复核 needs review",
  };
  const VERDICTS = { pass: "通过 pass", fail: "未通过 fail", unknown: "待定 unknown", not_applicable: "不适用 n/a" };
  const RELATIONS = [
    ["applicant", "申请人 applicant"], ["spouse", "配偶 spouse"], ["child", "子女 child"],
    ["parent", "父母 parent"], ["grandparent", "祖父母 grandparent"], ["grandchild", "孙子女 grandchild"],
    ["sibling", "兄弟姐妹 sibling"], ["other_relative", "其他亲属 other relative"],
    ["non_relative", "非亲属 non-relative"],
  ];
  const DISABILITIES = [
    ["", "无 none"], ["visual", "视力 visual"], ["hearing", "听力 hearing"], ["speech", "言语 speech"],
    ["physical", "肢体 physical"], ["intellectual", "智力 intellectual"], ["mental", "精神 mental"],
    ["multiple", "多重 multiple"],
  ];
  const CATEGORIES = [
    ["wage", "工资 wage"], ["business", "经营 business"], ["property", "财产 property"],
    ["transfer", "转移 transfer"], ["transfer_paid", "支付的转移 transfer paid"], ["other", "其他 other"],
    ["disregarded", "不计 disregarded"],
  ];
  const FINANCIAL = [
    ["deposit", "存款 deposit"], ["cash", "现金 cash"], ["securities", "证券 securities"], ["fund", "基金 fund"],
    ["insurance_cash_value", "保险现金价值 insurance cash value"],
    ["internet_finance", "网络理财 internet finance"], ["claim", "债权 claim"],
  ];
  const AREAS = [["urban", "城市 urban"], ["rural", "农村 rural"]];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c);
    return e;
  }
  function select(cls, options, value) {
    const s = el("select", { class: cls });
    for (const [v, label] of options) s.append(el("option", { value: v, text: label }));
    if (value != null) s.value = value;
    return s;
  }
  function removeButton() {
    const b = el("button", { type: "button", class: "remove", title: "删除 remove", text: "✕" });
    b.addEventListener("click", () => { b.closest("tr").remove(); refreshMemberChoices(); });
    return b;
  }
  function memberKeys() { return $$("#members input.key").map((i) => i.value.trim()).filter(Boolean); }
  function memberSelect(value) {
    const keys = memberKeys();
    return select("member", keys.map((k) => [k, k]), value || keys[0]);
  }
  function refreshMemberChoices() {
    const keys = memberKeys();
    for (const s of $$("select.member")) {
      const v = s.value;
      s.replaceChildren(...keys.map((k) => el("option", { value: k, text: k })));
      if (keys.includes(v)) s.value = v;
    }
  }

  function addMember(m) {
    m = m || {};
    const n = $$("#members tr").length + 1;
    const key = el("input", { class: "key", value: m.key || "m" + n });
    key.addEventListener("change", refreshMemberChoices);
    const grade = select("grade", [["1", "1"], ["2", "2"], ["3", "3"], ["4", "4"]], m.grade ? String(m.grade) : "2");
    const ill = el("input", { type: "checkbox", class: "illness" });
    ill.checked = !!m.serious_illness;
    $("#members").append(el("tr", { class: "member" },
      el("td", {}, key),
      el("td", {}, select("relation", RELATIONS, m.relation || (n === 1 ? "applicant" : "spouse"))),
      el("td", {}, el("input", { class: "birth date", placeholder: "YYYY-MM-DD", value: m.birth_date || "" })),
      el("td", {}, select("disability", DISABILITIES, m.disability || "")),
      el("td", {}, grade),
      el("td", {}, ill),
      el("td", {}, removeButton())));
    refreshMemberChoices();
  }
  function addIncome(r) {
    r = r || {};
    const date = $("#evaluation-date").value.trim();
    $("#incomes").append(el("tr", { class: "income" },
      el("td", {}, memberSelect(r.member)),
      el("td", {}, select("category", CATEGORIES, r.category || "wage")),
      el("td", {}, el("input", { class: "amount", value: r.amount || "", placeholder: "12000" })),
      el("td", {}, el("input", { class: "from date", value: r.from || yearBefore(date), placeholder: "YYYY-MM-DD" })),
      el("td", {}, el("input", { class: "to date", value: r.to || dayBefore(date), placeholder: "YYYY-MM-DD" })),
      el("td", {}, removeButton())));
  }
  function addFinancial() {
    $("#financial").append(el("tr", { class: "financial" },
      el("td", {}, memberSelect()), el("td", {}, select("kind", FINANCIAL, "deposit")),
      el("td", {}, el("input", { class: "amount", placeholder: "5000" })), el("td", {}, removeButton())));
  }
  function addHome() {
    $("#homes").append(el("tr", { class: "home" },
      el("td", {}, memberSelect()), el("td", {}, select("location", AREAS, $("#area").value)),
      el("td", {}, el("input", { class: "amount", placeholder: "62.5" })), el("td", {}, removeButton())));
  }

  // The twelve months before the evaluation date, as the income period by default.
  function parseDate(s) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  }
  const iso = (d) => d.toISOString().slice(0, 10);
  function dayBefore(s) { const d = parseDate(s); if (!d) return ""; d.setUTCDate(d.getUTCDate() - 1); return iso(d); }
  function yearBefore(s) { const d = parseDate(s); if (!d) return ""; d.setUTCFullYear(d.getUTCFullYear() - 1); return iso(d); }

  // ------------------------------------------------------------------ the case from the form
  function caseFromForm() {
    const val = (row, sel) => $(sel, row).value.trim();
    const members = $$("#members tr").map((row) => {
      const m = { key: val(row, "input.key"), relation: val(row, "select.relation"), birth_date: val(row, "input.birth") };
      const kind = val(row, "select.disability");
      if (kind) m.disability = { kind: kind, grade: Number(val(row, "select.grade")) };
      if ($("input.illness", row).checked) m.serious_illness = true;
      return m;
    });
    const incomes = $$("#incomes tr").map((row) => ({
      member: val(row, "select.member"), category: val(row, "select.category"), amount: val(row, "input.amount"),
      from: val(row, "input.from"), to: val(row, "input.to"),
    }));
    const financial = $$("#financial tr").map((row) => ({
      member: val(row, "select.member"), kind: val(row, "select.kind"), amount: val(row, "input.amount"),
    }));
    const homes = $$("#homes tr").map((row) => ({
      member: val(row, "select.member"), location: val(row, "select.location"), floor_area: val(row, "input.amount"),
    }));
    const household = { members: members };
    if (incomes.length) household.incomes = incomes;
    if (financial.length || homes.length) {
      household.assets = {};
      if (financial.length) household.assets.financial = financial;
      if (homes.length) household.assets.homes = homes;
    }
    return {
      evaluation_date: $("#evaluation-date").value.trim(),
      jurisdiction: $("#jurisdiction").value.trim(),
      purpose: $("#purpose").value,
      area: $("#area").value,
      household: household,
    };
  }

  // ------------------------------------------------------------------ talking to this server
  async function post(path, body, type) {
    const r = await fetch(path, { method: "POST", headers: { "Content-Type": type }, body: body });
    return { status: r.status, json: await r.json() };
  }
  const evaluate = (c, query) => post("/v1/evaluate" + (query || ""), JSON.stringify(c), "application/json");

  // What the page shows now: the case and its answer.
  const state = { case: null, answer: null, mode: "form" };

  async function currentCase() {
    if (state.mode === "form") return { case: caseFromForm() };
    const text = $("#paste-text").value;
    if (text.trim().startsWith("{")) {
      try { return { case: JSON.parse(text) }; } catch (e) { return { error: { code: "malformed", message: "JSON: " + e.message } }; }
    }
    // a TOML case file: the server reads it (and runs its expectations)
    const r = await post("/v1/check", text, "application/toml");
    if (r.json.error) return { error: r.json.error };
    return { case: r.json.case, check: r.json };
  }

  async function run() {
    $("#status").textContent = "计算中… evaluating…";
    const got = await currentCase();
    $("#result").hidden = false;
    showCheck(got.check);
    if (got.error) { showError(got.error); $("#status").textContent = ""; return; }
    const r = await evaluate(got.case);
    state.case = got.case;
    if (r.json.error) { showError(r.json.error); state.answer = null; $("#status").textContent = "HTTP " + r.status; return; }
    state.answer = r.json.ok;
    showAnswer(r.json.ok);
    const n = await post("/v1/notices", JSON.stringify(got.case), "application/json");
    showNotices(n.json.ok || []);
    $("#status").textContent = "完成 done";
  }

  // ------------------------------------------------------------------ showing the answer
  function money(s) {
    if (s == null) return "—";
    const n = Number(s);
    return Number.isFinite(n) ? n.toLocaleString("zh-CN", { maximumFractionDigits: 2 }) + " 元" : s;
  }
  function showError(e) {
    const box = $("#error");
    box.hidden = false;
    box.replaceChildren(
      el("strong", { text: "无法计算 Cannot evaluate: " + e.code }),
      e.path ? el("div", { class: "path", text: "字段 field: " + e.path }) : null,
      el("div", { text: e.message }));
    $("#outcomes tbody").replaceChildren();
    $("#findings").replaceChildren();
    $("#params tbody").replaceChildren();
  }
  function showCheck(check) {
    const box = $("#check-report");
    if (!check) { box.hidden = true; return; }
    box.hidden = false;
    box.className = check.result === "pass" ? "pass-report" : "fail-report";
    box.textContent = (check.result === "pass" ? "案例文件通过 case file passes: " : "案例文件不通过 case file fails:\n") +
      (check.result === "pass" ? check.name : check.differences.join("\n"));
    if (check.rules_overlay) box.textContent += "\n注意：此案例文件带有参数覆盖，下方结果使用服务器的参数。 Note: this case file lays its own parameters over the rules; the answer below uses the server's rules.";
  }
  function amountOf(p) {
    if (p.monthly_amount != null) return p.monthly_amount;
    const units = (p.individual_coverage || []).map((c) => c.monthly_amount).filter((a) => a != null);
    return units.length ? String(units.reduce((s, a) => s + Number(a), 0)) : null;
  }
  // The decisions in writing (refusal, reduction, gradual exit, termination), Chinese first.
  function showNotices(list) {
    $("#notice").replaceChildren(...(list.length
      ? list.map((n) => el("pre", { class: "notice", "data-kind": n.kind, text: n.text }))
      : [el("p", { class: "muted", text: "本案无需书面决定 No decision in writing is called for." })]));
  }
  function showAnswer(a) {
    $("#error").hidden = true;
    $("#outcomes tbody").replaceChildren(...a.programmes.map((p) => el("tr", { "data-programme": p.programme },
      el("td", { text: PROGRAMMES[p.programme] || p.programme }),
      el("td", { class: "outcome " + p.outcome, text: (OUTCOMES[p.outcome] || p.outcome) + (p.class ? " · " + p.class : "") }),
      el("td", { class: "amount", text: money(amountOf(p)) }))));
    $("#notice").replaceChildren();
    showFindings(a);
    showParams(a.parameters);
    $("#audit").textContent = "审计 audit: " + Object.entries(a.audit).map(([k, v]) => k + " " + v).join(" · ");
    fillWhatIf();
  }
  // For a programme refused or under review, the findings that failed or are unknown; for one
  // granted, the findings that passed.
  function deciding(p) {
    const want = p.outcome === "eligible" ? ["pass"] : ["fail", "unknown"];
    const list = (p.findings || []).filter((f) => want.includes(f.verdict));
    return list.length ? list : p.findings || [];
  }
  function finding(f) {
    return el("div", { class: "finding " + f.verdict, "data-rule": f.rule },
      el("span", { class: "rule", text: f.rule }), " ",
      el("span", { class: "verdict", text: VERDICTS[f.verdict] || f.verdict }),
      f.distance != null ? el("span", { class: "distance", text: " 距阈值 distance to threshold: " + money(f.distance) }) : null,
      el("div", { class: "zh", text: f.zh }),
      el("div", { class: "en", text: f.en + (f.source ? " (" + f.source + ")" : "") }));
  }
  function showFindings(a) {
    $("#findings").replaceChildren(...a.programmes.map((p) => el("div", { class: "programme-findings", "data-programme": p.programme },
      el("h4", { text: PROGRAMMES[p.programme] || p.programme }), ...deciding(p).map(finding))));
  }
  function showParams(list) {
    $("#params tbody").replaceChildren(...(list || []).map((u) => {
      const warnings = u.warnings || [];
      const flags = [el("span", { class: "flag " + (u.status === "published" ? "published" : "unconfirmed"), text: u.status === "published" ? "已公布 published" : "未确认 " + u.status })];
      for (const w of warnings) if (w === "stale") flags.push(el("span", { class: "flag stale", text: "过期 stale" }));
      return el("tr", { "data-param": u.name, class: warnings.length ? "warn" : "" },
        el("td", { text: u.name }), el("td", { text: Array.isArray(u.value) ? u.value.join(", ") : String(u.value) }),
        el("td", { text: u.unit }), el("td", { text: u.from }), el("td", { text: u.division }),
        el("td", {}, ...flags), el("td", { text: u.source }));
    }));
  }

  // ------------------------------------------------------------------ what if
  function fillWhatIf() {
    const c = state.case;
    const opts = [["standard", "低保标准 standard (" + (c.area === "rural" ? "元/年 yuan a year" : "元/月 yuan a month") + ")"]];
    ((c.household && c.household.incomes) || []).forEach((r, i) =>
      opts.push(["income:" + i, "收入 income #" + (i + 1) + " " + r.member + " " + r.category + " (" + r.amount + ")"]));
    const s = $("#whatif-target");
    const old = s.value;
    s.replaceChildren(...opts.map(([v, t]) => el("option", { value: v, text: t })));
    if (opts.some(([v]) => v === old)) s.value = old;
  }
  async function whatIf() {
    if (!state.case || !state.answer) return;
    const target = $("#whatif-target").value;
    const value = $("#whatif-value").value.trim();
    let r;
    if (target === "standard") {
      r = await evaluate(state.case, "?standard=" + encodeURIComponent(value));
    } else {
      const changed = JSON.parse(JSON.stringify(state.case));
      changed.household.incomes[Number(target.split(":")[1])].amount = value;
      r = await evaluate(changed);
    }
    const table = $("#whatif-table");
    table.hidden = false;
    if (r.json.error) {
      table.tBodies[0].replaceChildren(el("tr", {}, el("td", { colspan: "3", class: "error", text: r.json.error.code + ": " + r.json.error.message })));
      return;
    }
    const after = new Map(r.json.ok.programmes.map((p) => [p.programme, p]));
    const cell = (p) => (OUTCOMES[p.outcome] || p.outcome) + " · " + money(amountOf(p));
    table.tBodies[0].replaceChildren(...state.answer.programmes.map((p) => {
      const q = after.get(p.programme);
      const differs = !q || cell(p) !== cell(q);
      return el("tr", { "data-programme": p.programme, class: differs ? "changed" : "" },
        el("td", { text: PROGRAMMES[p.programme] || p.programme }), el("td", { class: "now", text: cell(p) }),
        el("td", { class: "after", text: q ? cell(q) : "—" }));
    }));
  }

  // ------------------------------------------------------------------ the case file (TOML)
  const bareKey = (k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k));
  const isTable = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isTableArray = (v) => Array.isArray(v) && v.length > 0 && v.every(isTable);
  function tomlValue(v) {
    if (typeof v === "string") return JSON.stringify(v).replace(/\u007f/g, "\\u007f");
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    if (Array.isArray(v)) return "[" + v.map(tomlValue).join(", ") + "]";
    if (isTable(v)) return "{ " + Object.entries(v).filter(([, x]) => x != null).map(([k, x]) => bareKey(k) + " = " + tomlValue(x)).join(", ") + " }";
    return '""';
  }
  function tomlTable(path, obj, out) {
    const later = [];
    for (const [k, v] of Object.entries(obj)) {
      if (v == null) continue;
      if (isTable(v) || isTableArray(v)) later.push([k, v]);
      else out.push(bareKey(k) + " = " + tomlValue(v));
    }
    for (const [k, v] of later) {
      const p = path + "." + bareKey(k);
      if (isTable(v)) { out.push("", "[" + p + "]"); tomlTable(p, v, out); } else {
        for (const item of v) { out.push("", "[[" + p + "]]"); tomlTable(p, item, out); }
      }
    }
  }
  // A case file for `jiuzhu check`: the case, and as expectations the answer shown now.
  function caseFileText() {
    const c = state.case || caseFromForm();
    const out = [
      "# Written by the jiuzhu page 由救助试算页面生成. Run: jiuzhu check case.toml",
      "name = " + tomlValue("页面试算 household tried on the page, " + (c.evaluation_date || "")),
      "policy = " + tomlValue("the expectations are the answer the page showed 预期为页面显示的结果"),
      "", "[case]",
    ];
    tomlTable("case", c, out);
    for (const p of (state.answer && state.case === c ? state.answer.programmes : [])) {
      out.push("", "[expect." + p.programme + "]", "outcome = " + tomlValue(p.outcome));
      if (p.class) out.push("class = " + tomlValue(p.class));
      out.push("monthly_amount = " + tomlValue(p.monthly_amount != null ? p.monthly_amount : "none"));
    }
    return out.join("\n") + "\n";
  }
  function download() {
    const blob = new Blob([caseFileText()], { type: "application/toml" });
    const a = el("a", { href: URL.createObjectURL(blob), download: "case.toml" });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  // ------------------------------------------------------------------ wiring
  function setMode(mode) {
    state.mode = mode;
    $("#case-form").hidden = mode !== "form";
    $("#paste").hidden = mode !== "paste";
    $("#tab-form").classList.toggle("active", mode === "form");
    $("#tab-paste").classList.toggle("active", mode === "paste");
  }
  document.addEventListener("DOMContentLoaded", () => {
    addMember({ relation: "applicant" });
    $("#add-member").addEventListener("click", () => addMember());
    $("#add-income").addEventListener("click", () => addIncome());
    $("#add-financial").addEventListener("click", addFinancial);
    $("#add-home").addEventListener("click", addHome);
    $("#evaluate").addEventListener("click", () => run().catch((e) => showError({ code: "page", message: String(e) })));
    $("#whatif-run").addEventListener("click", () => whatIf().catch((e) => showError({ code: "page", message: String(e) })));
    $("#download").addEventListener("click", download);
    $("#tab-form").addEventListener("click", () => setMode("form"));
    $("#tab-paste").addEventListener("click", () => setMode("paste"));
  });
  // for the browser test and for curious staff: the case file the download button writes
  window.jiuzhu = { caseFileText: caseFileText, caseFromForm: caseFromForm };
})();
