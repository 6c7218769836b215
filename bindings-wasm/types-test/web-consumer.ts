// A browser portal's use of the ES module build, type-checked against
// bindings-wasm/pkg-web/motcua.d.ts by `tsc --noEmit` (never run). The lines
// marked "expect-error" prove the types are real: with `any` they would
// be unused and tsc would fail.
import init, {
  Calendar,
  Catalog,
  DossierCode,
  PeriodReport,
  Methodology,
  UnitRegistry,
  indexInputsFromDvcqg,
  toLunar,
  type Estimate,
  type DossierFact,
  type GroupScore,
  type Holiday,
  type LunarDate,
  type ReportCounts,
  type IndexInputs,
  type TypedIndexInputs,
} from "../pkg-web/motcua.js";

export async function portal(): Promise<string> {
  await init();
  const cal: Calendar = Calendar.vietnam();
  const catalog = Catalog.sample();
  const procedure = catalog.get(catalog.codes()[0]);
  const estimate: Estimate = cal.estimate(procedure.toJson(), "2026-02-13T15:30", "online");
  const due: string | null = estimate.dueAt;
  const lines: string[] = estimate.explanation.map((e) => `${e.rule}: ${e.vi} / ${e.en}`);
  const tet: Holiday[] = cal.holidays(2026).filter((h) => h.dayOff && h.kind === "statutory");
  const lunar: LunarDate = toLunar("2026-02-17");
  const makeUp: boolean = cal.isWorkingDay("2026-01-10");
  const next: string[] = cal.addWorkingDaysMany(["2026-02-13", "2026-01-09"], [1, 1]);
  const epoch: Int32Array = cal.addWorkingDaysEpoch(new Int32Array([20497]), 1);
  const code = DossierCode.parse("000.00.06.H56-231027-0361");
  const seq: number = code.sequence;
  // @ts-expect-error dates are ISO strings, not Date objects
  cal.addWorkingDays(new Date(), 1);
  // @ts-expect-error "fax" is not a channel
  cal.estimate(procedure.toJson(), "2026-02-13T15:30", "fax");
  const d = cal.receive({ procedure: procedure.toJson(), code: "000.00.06.H56-260213-0001", receivedAt: "2026-02-13T09:30" });
  d.resolve("2026-02-20T10:00");
  d.note("paid_online");
  const facts: DossierFact[] | null = d.facts;
  // @ts-expect-error "faxed" is not a dossier fact
  d.note("faxed");
  const state = d.stateAt("2026-02-21T00:00");
  const status: number | null = state.status;
  const slip = d.receiptSlip();
  const report = new PeriodReport("2026-Q1", "agency");
  report.add(d);
  const total: ReportCounts = report.toJson().total;
  const score = Methodology.default766().score(report.indexInputs(undefined, `[${procedure.toJson()}]`));
  const typed: TypedIndexInputs = {
    publisher: "province",
    publications: [{ legal_basis_effective: "2026-07-01", decision_date: "2026-06-20", made_public: null, full_content: true }],
    feedback: [{ received_at: "2026-02-13T09:30", unsatisfied: false, complained_again: false }],
  };
  const inputs: IndexInputs = report.indexInputs(typed);
  const onTime: [number, number] | undefined = inputs.dossiers_on_time;
  // @ts-expect-error a publisher is a ministry or a province
  const commune: TypedIndexInputs = { publisher: "commune" };
  // @ts-expect-error an input is a pair [numerator, denominator]
  const single: IndexInputs = { dossiers_online: 3 };
  const groups: GroupScore[] = score.groups;
  const lost: number = groups.reduce((sum, g) => sum + g.maxPoints - g.points, 0);
  const unit = Methodology.builtin(Methodology.versions()[0]).score(indexInputsFromDvcqg({ departmentCode: "H21.17" }));
  const registry = UnitRegistry.fromJson("{}");
  const card = registry.scorecard(Methodology.default766(), [], null);
  const ranks: number[] = card.rows.map((r) => r.rank + (r.change ?? 0) + r.actions.length);
  // @ts-expect-error a unit's group is AGENCY or COMMUNE
  const district: typeof registry.units[number]["group"] = "DISTRICT";
  // @ts-expect-error a group's points are a number, not text
  const text: string = groups[0].points;
  return [due, ...lines, tet.length, lunar.yearName, makeUp, next, epoch[0], seq, status, slip.procedureName, total.received, score.total, lost, unit.total, text, ranks.length, district, facts?.length, onTime?.[0], commune.publisher, single.dossiers_online?.[1]].join("\n");
}
