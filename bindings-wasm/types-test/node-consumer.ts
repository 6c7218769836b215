// A Node service's use of the CommonJS build, type-checked against
// bindings-wasm/pkg-node/motcua.d.ts by `tsc --noEmit` (never run).
import motcua = require("../pkg-node/motcua.js");

const cal = motcua.Calendar.vietnam();
const due: string = cal.addWorkingDays("2026-02-13", 1);
const between: number = cal.workingDaysBetween("2026-02-13", "2026-02-23");
const at: string = cal.addWorkingTime("2026-02-13T09:30", { days: 5, hours: 2 });
const holiday = cal.holiday("2026-02-17");
const name: string | undefined = holiday?.nameVi;
// @ts-expect-error a year is a number
cal.holidays("2026");
const sample = motcua.Catalog.sample();
const dossiers: motcua.Dossier[] = [
  cal.receive({ procedure: sample.get(sample.codes()[0]).toJson(), code: "000.00.06.H56-260213-0001", receivedAt: "2026-02-13T09:30" }),
];
const kinds = dossiers.map((d) => d.timeliness("date"));
const report = new motcua.PeriodReport("2026-Q1", "field");
dossiers.forEach((d) => report.add(d));
const onTime: number = report.toJson().total.onTime;
try {
  motcua.DossierCode.parse("abc");
} catch (e) {
  const code: unknown = (e as { code?: unknown }).code;
  void code;
}
// The law of 2026: the calendar before 24/11, the changes, and the dossiers
// whose appointments they move.
const before = motcua.Calendar.custom({ withoutCultureDay: true, cultureDayOnWeekend: "next_working_day" });
const version: string | null = cal.dataVersions[0].version;
const changed: string[] = motcua.calendarChanges(before, cal, "2026-01-01", "2026-12-31").map((c) => c.date);
const moved = motcua.appointmentChanges(dossiers, before, cal, "2026-11-25T10:00");
const letters: (string | undefined)[] = moved.map((m) => m.letter?.newAppointmentAt);
const source: string | null | undefined = holiday?.source;
const central = motcua.DossierCode.parse("H15.50.05.12-260917-071436", "central");
const ministry: number | undefined = central.ministry;
const legacy = new motcua.DossierCodeGenerator("legacy");
// @ts-expect-error a rule is one of three names
motcua.DossierCode.parse("H15.50.05.12-260917-1436", "strict");
// Precise types: a status is 1 to 10, an event's type one of its names; a
// Date and a Procedure are accepted where an instant and a procedure are.
const status: motcua.StatusCode = dossiers[0].status;
const eventType: motcua.EventType = dossiers[0].events[0].type;
// @ts-expect-error 11 is not a status
const notAStatus: motcua.StatusCode = 11;
const whenever: motcua.Instant = new Date();
const estimated: string | null = cal.estimate(sample.get(sample.codes()[0]), whenever).dueAt;
// Corrections: an entry voided or amended by a new one, flagged in the log.
dossiers[0].void(0, "gõ nhầm", "truong-phong", new Date());
dossiers[0].amend(0, { type: "accepted", at: "2026-02-13T09:30" }, "sai giờ", "truong-phong", "2026-02-14T08:00");
// @ts-expect-error an amendment's event is a lifecycle event, not a correction
dossiers[0].amend(0, { type: "voided", at: "2026-02-13T09:30" }, "x", "y", "2026-02-14T08:00");
const voidedBy: number | undefined = dossiers[0].events[0].voidedBy;
const history: motcua.DossierEvent[] = dossiers[0].corrected().history;
export const summary = [due, between, at, name, kinds.length, onTime, version, changed, letters, source, ministry, legacy,
  status, eventType, notAStatus, estimated, voidedBy, history];
