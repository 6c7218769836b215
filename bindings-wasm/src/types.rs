//! The TypeScript shapes of the plain objects the module takes and
//! returns, added to the generated `.d.ts` (the functions name them in
//! `unchecked_param_type` / `unchecked_return_type`). `tsc --noEmit` checks
//! a consumer file against them in the test command.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** ISO date `YYYY-MM-DD`. Instants are `YYYY-MM-DDTHH:MM[:SS]` in Vietnam local time. */
export type Channel = "direct" | "online" | "postal";

/** A fact about a dossier that the 766 index counts. */
export type DossierFact =
  | "synced"
  | "electronic_result"
  | "digitised"
  | "reused"
  | "shared"
  | "population_data"
  | "fee_bearing"
  | "paid_online"
  | "certified_copy"
  | "complaint";
/**
 * The stable code of every error: the core's kinds (`motcua::ErrorKind`),
 * then the module's own, for an argument of the wrong JS type, a string
 * that is not an ISO date or instant, and a bug of motcua.
 */
export type ErrorCode =
  | "calendar.out_of_range"
  | "lunar.invalid_date"
  | "calendar.invalid_duration"
  | "calendar.invalid_sessions"
  | "calendar.invalid_data"
  | "invalid_argument"
  | "procedure.invalid"
  | "procedure.unknown"
  | "dossier.invalid_code"
  | "dossier.duplicate_code"
  | "dossier.sequence_exhausted"
  | "dossier.invalid_transition"
  | "dossier.event_out_of_order"
  | "dossier.finished"
  | "dossier.invalid_extension"
  | "dossier.invalid_correction"
  | "dossier.invalid"
  | "dossier.calendar_mismatch"
  | "portal.invalid_payload"
  | "document.too_large"
  | "table.missing_column"
  | "table.invalid_value"
  | "file.unreadable"
  | "file.encoding"
  | "invalid_type"
  | "invalid_format"
  | "internal";
/**
 * What every function of the module throws: an `Error` with the core's
 * stable `code` and, where the error has a place, the field `path` in the
 * document (`"procedures[2].processing_time.days"`) and the `eventIndex`
 * of the dossier's event that caused it. `messageVi` is the message in
 * Vietnamese, for pages that citizens read: the code's sentence and the
 * place (the English `message` keeps the detail).
 */
export interface MotcuaError extends Error {
  code: ErrorCode;
  messageVi: string;
  path?: string;
  eventIndex?: number;
}
export type Granularity = "date" | "instant";
export type GroupBy = "agency" | "field" | "procedure" | "total" | "receiving_unit" | "competent_unit";
export type Timeliness = "early" | "on_time" | "late";
export type Exclusion = "received_after" | "ended_before" | "not_accepted" | "inconsistent";
export type Lever = "dossiers_on_time" | "dossiers_online" | "online_payments";

/** A holiday, a substitute or swapped day off, a make-up working day or a local override. */
export interface Holiday {
  date: string;
  kind: "statutory" | "substitute" | "swapped" | "make_up" | "closure" | "extra_working_day";
  nameVi: string;
  nameEn: string;
  /** Projected from the rules, not from an official schedule. */
  provisional: boolean;
  provenance: "official" | "projected" | "loaded";
  /** False for make-up working days. */
  dayOff: boolean;
  /** The notice of an official entry that cites its own, or the article a projected entry follows. */
  source: string | null;
}

/** One set of calendar data a calendar was built from. */
export interface DataVersion {
  provenance: "official" | "loaded";
  version: string | null;
  /** The date up to which the notices were checked. */
  asOf: string | null;
}

/** What a calendar says of one date, in `calendarChanges`. */
export interface DayStatus {
  working: boolean;
  entry?: { date: string; kind: Holiday["kind"]; nameVi: string; nameEn: string;
            provenance: Holiday["provenance"]; source: string | null };
  schedule: ScheduleSource;
}

export interface DayChange {
  date: string;
  before: DayStatus;
  after: DayStatus;
}

/** The new appointment letter of an open dossier whose due date moved. */
export interface NewAppointment {
  code: string;
  procedureName: string;
  applicant: Record<string, unknown> | null;
  receivedAt: string;
  oldAppointmentAt: string;
  newAppointmentAt: string;
  reasonVi: string;
  reasonEn: string;
}

export interface AppointmentChange {
  code: string;
  procedureCode: string;
  /** The status by name (e.g. "processing"), as its serde name. */
  status: string | null;
  open: boolean;
  oldDue: string | null;
  newDue: string | null;
  oldTimeliness: Timeliness | null;
  newTimeliness: Timeliness | null;
  days: DayChange[];
  /** Why the log does not replay under the new calendar (then newDue is null). */
  conflict?: string;
  letter?: NewAppointment;
}

export interface ScheduleSource {
  status: "official" | "projected" | "loaded" | "none";
  /** The notices as cited (document numbers, press, research notes). */
  sources?: string[];
  /** The same notices in Vietnamese, one for one (as cited where the data has none). */
  sourcesVi?: string[];
}

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  leap: boolean;
  /** Can-chi name of the lunar year, e.g. "Bính Ngọ". */
  yearName: string;
}

export interface WorkingDuration {
  days?: number;
  hours?: number;
  minutes?: number;
}

export interface CalendarOptions {
  /** 0 (Monday) to 6 (Sunday). */
  workingWeekdays?: number[];
  /** e.g. [["07:30", "11:30"], ["13:00", "17:00"]]. */
  sessions?: [string, string][];
  first?: string;
  last?: string;
  /** Whether the Vietnamese holidays apply (default true). */
  holidays?: boolean;
  /** What a 24/11 on a weekend gives in the projected years (default "next_working_day"). */
  cultureDayOnWeekend?: "next_working_day" | "no_substitute";
  /** The calendar as computed before 24/11 became a holiday, to compare old appointments. */
  withoutCultureDay?: boolean;
  /** A calendar data document, as for `Calendar.withData`. */
  data?: string | object;
}

/** A procedure (TTHC) as JSON: `code`, `name`, `processing_time`, ... (snake_case, as the catalog files). */
export interface ProcedureJson {
  code: string;
  name: string;
  [field: string]: unknown;
}

/**
 * An instant argument: a `Date`, or ISO text "YYYY-MM-DDTHH:MM[:SS]" in
 * Vietnam local time, or with "Z" or an offset. Instants in results are
 * ISO text with "+07:00", so `new Date(result)` is the right instant
 * anywhere.
 */
export type Instant = string | Date;

export interface ReceiveOptions {
  procedure: string | ProcedureJson | Procedure;
  code: string;
  receivedAt?: Instant;
  submittedAt?: Instant;
  channel?: Channel;
  actor?: string;
  applicant?: Record<string, string>;
}

/** One line of an explanation, in Vietnamese and English. */
export interface ExplanationEntry {
  at: string;
  rule: string;
  vi: string;
  en: string;
  dueAt: string | null;
}

export interface Estimate {
  dueAt: string | null;
  explanation: ExplanationEntry[];
}

export interface StepUsage {
  step: string;
  budgetHours: number;
  usedHours: number;
  overspentHours: number;
}

/** A national-portal status code: 1 (submitted) to 10 (withdrawn). */
export type StatusCode = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;

/** The type of an event of a dossier's log. */
export type EventType =
  | "submitted" | "accepted" | "accepted_cross_boundary" | "competent_received"
  | "refused" | "routed" | "supplement_requested" | "supplement_completed"
  | "financial_obligation_requested" | "paid" | "suspended" | "resumed"
  | "extended" | "resolved" | "result_returned" | "withdrawn"
  | "voided" | "amended";

export interface DossierEvent {
  at: string;
  actor: string;
  type: EventType;
  /** On an entry a correction voided: the correction's index in the log. */
  voidedBy?: number;
  /** On an entry a correction amended: the (latest) correction's index. */
  amendedBy?: number;
  [field: string]: unknown;
}

/** What an amended entry counts as: a lifecycle event, as `events` gives them. */
export interface CorrectedEvent {
  type: Exclude<EventType, "voided" | "amended">;
  at: Instant;
  actor?: string;
  [field: string]: unknown;
}

export interface DossierState {
  asOf: string;
  /** Status code 1 to 10, or null before any event. */
  status: StatusCode | null;
  dueAt: string | null;
  appointmentAt: string | null;
  timelinessDate: Timeliness | null;
  timelinessInstant: Timeliness | null;
  progress: { overdue: boolean; effectiveDue: string; [field: string]: unknown } | null;
  /** When processing ended (resolved, refused, withdrawn, or stopped), if it has. */
  endedAt: string | null;
}

/** The data of the receipt and appointment slip (Mẫu 01). */
export interface ReceiptSlip {
  /** The form and its circular (Circular 03/2025/TT-VPCP from 01/07/2025, 01/2018 before). */
  form: string;
  ruleSet: "decree_61_2018" | "decree_118_2025";
  code: string;
  agencyCode: string;
  channel: Channel;
  procedureCode: string;
  procedureName: string;
  procedureAgency: string;
  processingTimeVi: string;
  processingTimeEn: string;
  receivedAt: string | null;
  dueAt: string | null;
  fees: { kind: string; name: string; amountVnd: number }[];
  documents: unknown[];
  applicant: Record<string, string> | null;
}

/** The counts of one row of form II.06a. */
export interface ReportCounts {
  received: number;
  receivedOnline: number;
  receivedDirectPostal: number;
  carriedOver: number;
  resolved: number;
  early: number;
  onTime: number;
  late: number;
  inProgress: number;
  withinTime: number;
  overdue: number;
  withdrawn: number;
  /** Status 8 under the stop policy "end": part of received, not of resolved or in progress. */
  stopped: number;
  /** Refused after acceptance, on appraisal: part of received, not of resolved or in progress. */
  refusedAfterAppraisal: number;
  refused: number;
}

export interface PeriodReportJson {
  period: { first: string; last: string };
  groupBy: GroupBy;
  rows: Record<string, ReportCounts>;
  excluded: Partial<Record<Exclusion, number>>;
  total: ReportCounts;
}

/** The index inputs motcua knows (`motcua::index::inputs`). */
export type IndexInputName =
  | "digitised_data_reused"
  | "digitised_data_shared"
  | "dossiers_digitised"
  | "dossiers_on_time"
  | "dossiers_online"
  | "dossiers_synced"
  | "electronic_certified_copies"
  | "electronic_results"
  | "feedback_on_time"
  | "feedback_satisfaction"
  | "online_payments"
  | "online_service"
  | "online_services_used"
  | "population_data_used"
  | "procedure_satisfaction"
  | "procedures_online"
  | "procedures_paid_online"
  | "procedures_payment_integrated"
  | "procedures_population_data"
  | "procedures_public_on_time"
  | "procedures_published_in_full"
  | "procedures_published_on_time";

/**
 * Index inputs by name: [numerator, denominator]. A methodology read from
 * JSON may name other inputs, hence the open string beside the known names.
 */
export type IndexInputs = Partial<Record<IndexInputName | (string & {}), [number, number]>>;

/** One procedure's publication (dates `YYYY-MM-DD`). */
export interface PublicationJson {
  legal_basis_effective: string;
  decision_date: string;
  made_public?: string | null;
  full_content: boolean;
}

/** One citizen petition (PAKN); instants as everywhere else. */
export interface FeedbackJson {
  received_at: string;
  handled_at?: string | null;
  unsatisfied: boolean;
  complained_again: boolean;
}

/** The typed inputs of the index (snake_case, as the Rust `TypedInputs`). */
export interface TypedIndexInputs {
  /** Who publishes the procedures; `province` when absent. */
  publisher?: "ministry" | "province";
  publications?: PublicationJson[];
  feedback?: FeedbackJson[];
  /** When open feedback is judged; the latest event when absent. */
  feedback_as_of?: string;
}

export interface IndicatorScore {
  id: string;
  /** The code of its group. */
  group: string;
  nameVi: string;
  nameEn: string;
  maxPoints: number;
  ratio: { numerator: number; denominator: number } | null;
  points: number | null;
  pointsLost: number | null;
}

export interface GroupScore {
  /** `CKMB`, `TDGQ`, `ONLINE`, `TTTT`, `MDSH` or `MDHL`. */
  code: string;
  nameVi: string;
  nameEn: string;
  points: number;
  maxPoints: number;
  maxMeasured: number;
}

export type UnitGroup = "AGENCY" | "COMMUNE";

export interface Province {
  id: string;
  code: string;
  name: string;
}

export interface Unit {
  /** The portal's electronic identifier. */
  id: string;
  code: string;
  name: string;
  group: UnitGroup;
}

export interface Replacement {
  from: string;
  to: string;
  /** The first day of the new identifier, `YYYY-MM-DD`. */
  effective: string;
  fromCode: string | null;
  fromName: string | null;
}

export interface ScorecardAction {
  indicator: string;
  group: string;
  nameVi: string;
  nameEn: string;
  /** How many more of the `of` counted items must meet the indicator. */
  more: number;
  of: number;
  gain: number;
}

export interface ScorecardRow {
  id: string;
  code: string;
  name: string;
  group: UnitGroup;
  score: IndexScore;
  /** Within the group, 1 the best; equal totals share a rank. */
  rank: number;
  previousTotal: number | null;
  previousRank: number | null;
  change: number | null;
  losses: IndicatorScore[];
  actions: ScorecardAction[];
}

export interface Scorecard {
  methodology: string;
  rows: ScorecardRow[];
}

export interface IndexScore {
  methodology: string;
  groups: GroupScore[];
  indicators: IndicatorScore[];
  total: number;
  maxTotal: number;
  maxMeasured: number;
}
"#;
