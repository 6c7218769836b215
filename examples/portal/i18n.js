// UI strings of the demo portal, Vietnamese first (the portal's audience),
// English second. Keys used by `data-i18n` in index.html are plain strings;
// the others may be functions taking the values they format.
//
// Texts that come from the library (explanations, holiday names) carry both
// languages already (`vi`/`en`, `nameVi`/`nameEn`, error `messageVi`);
// schedule sources come as cited and in Vietnamese (`sources`,
// `sourcesVi`); procedure names, fees and documents are in Vietnamese
// only, so those are shown as they are.

export const STRINGS = {
  vi: {
    pageTitle: "Một cửa — cổng dịch vụ công (demo)",
    title: "Cổng dịch vụ công — bản thử nghiệm",
    subtitle:
      "Thư viện motcua (WebAssembly) chạy ngay trong trình duyệt: ngày hẹn trả kết quả, lịch làm việc có âm lịch và ngày nghỉ Tết, kiểm tra mã hồ sơ.",
    langToggle: "English",
    langToggleLabel: "Switch to English",
    loading: "Đang tải thư viện…",
    loadFailed: "Không tải được thư viện motcua",
    recovered: "Thư viện motcua gặp lỗi nội bộ và đã được tải lại; kết quả dưới đây được tính lại bằng bản mới.",
    unexpected: "Lỗi ngoài dự kiến",

    estimateTitle: "Dự tính ngày hẹn trả kết quả",
    procedure: "Thủ tục hành chính",
    channel: "Hình thức nộp",
    channel_direct: "Trực tiếp tại Bộ phận Một cửa",
    channel_online: "Trực tuyến",
    channel_postal: "Qua dịch vụ bưu chính",
    submittedAt: "Thời điểm nộp hồ sơ (giờ Việt Nam, UTC+7)",
    now: "Bây giờ",
    estimateButton: "Tính ngày hẹn trả",
    dueLabel: "Ngày hẹn trả kết quả",
    noDeadline: "Thủ tục không có thời hạn giải quyết",
    processingTime: (pt) => {
      switch (pt?.kind) {
        case "same_day":
          return pt.cutoff
            ? `trong ngày (nhận sau ${pt.cutoff} trả trong ngày làm việc tiếp theo)`
            : "trong ngày";
        case "working_days":
          return `${fmtNumber(pt.days, "vi")} ngày làm việc`;
        case "working_hours":
          return `${fmtNumber(pt.hours, "vi")} giờ làm việc`;
        case "calendar_days":
          return `${pt.days} ngày (ngày theo lịch)`;
        case "no_deadline":
          return "Không có thời hạn giải quyết";
        default:
          return "";
      }
    },
    submittedEcho: "Nộp lúc",
    processingTimeLabel: "Thời hạn giải quyết",
    feesLabel: "Phí, lệ phí",
    documentsLabel: "Giấy tờ cần mang",
    noFees: "Không thu phí, lệ phí",
    noDocuments: "Theo danh mục thủ tục đã công bố",
    currency: "đồng",
    explanationTitle: "Cách tính",
    estimateErrorLead: "Không tính được ngày hẹn trả",

    calendarTitle: "Lịch làm việc",
    monthTitle: (year, month) => `Tháng ${month} năm ${year}`,
    lunarYear: (names) => `Năm âm lịch ${names}`,
    prevMonth: "Tháng trước",
    nextMonth: "Tháng sau",
    thisMonth: "Tháng này",
    pickMonth: "Chọn tháng",
    weekdaysShort: ["T2", "T3", "T4", "T5", "T6", "T7", "CN"],
    weekdays: ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"],
    leapShort: "nhuận",
    lunarTooltip: (l) =>
      `Âm lịch: ngày ${l.day} tháng ${l.month}${l.leap ? " nhuận" : ""} năm ${l.yearName}`,
    workingDay: "Ngày làm việc",
    dayOff: "Ngày nghỉ",
    legend_working: "Ngày làm việc",
    legend_weekend: "Nghỉ cuối tuần",
    legend_holiday: "Nghỉ lễ, Tết, nghỉ bù",
    legend_makeup: "Ngày làm bù",
    legend_provisional: "Dự kiến, chưa công bố",
    legend_today: "Hôm nay",
    scheduleStatus: (year, status) =>
      ({
        official: `Lịch nghỉ năm ${year}: chính thức (theo thông báo của Chính phủ).`,
        projected: `Lịch nghỉ năm ${year}: dự kiến theo Bộ luật Lao động, chưa có thông báo chính thức — có thể thay đổi.`,
        loaded: `Lịch nghỉ năm ${year}: theo dữ liệu lịch được nạp thêm.`,
        none: `Lịch này không có ngày nghỉ lễ quốc gia.`,
      })[status] ?? `Lịch nghỉ năm ${year}: ${status}.`,
    monthHolidaysTitle: "Ngày nghỉ và ngày làm bù trong tháng",
    noHolidaysThisMonth: "Không có ngày lễ, ngày nghỉ bù hay ngày làm bù trong tháng này.",
    sourcesTitle: (year, n) => `Nguồn lịch nghỉ năm ${year} (${n})`,
    kind: {
      statutory: "ngày lễ",
      substitute: "nghỉ bù",
      swapped: "nghỉ hoán đổi",
      make_up: "làm bù",
      compensatory: "nghỉ bù",
    },
    provisionalMark: "dự kiến",
    calendarErrorLead: "Không hiển thị được lịch",

    codeTitle: "Kiểm tra mã hồ sơ",
    codeLabel: "Mã hồ sơ (MÃ-ĐỊNH-DANH-YYMMDD-STT)",
    codeButton: "Kiểm tra",
    codeValid: "Mã hợp lệ",
    codeAgency: "Cơ quan tiếp nhận",
    codeDate: "Ngày tiếp nhận",
    codeSequence: "Số thứ tự trong ngày",
    codeCanonical: "Dạng chuẩn",
    codeInvalidLead: "Mã hồ sơ không hợp lệ",

    footer:
      "Thủ tục lấy từ danh mục mẫu của thư viện (Catalog.sample), chỉ để minh hoạ, không phải danh mục chính thức.",
  },

  en: {
    pageTitle: "Một cửa — public service portal (demo)",
    title: "Public service portal — demo",
    subtitle:
      "The motcua library (WebAssembly) running in your browser: result due dates, the working calendar with lunar dates and Tết days off, dossier-code checks.",
    langToggle: "Tiếng Việt",
    langToggleLabel: "Chuyển sang tiếng Việt",
    loading: "Loading the library…",
    loadFailed: "Could not load the motcua library",
    recovered: "The motcua library had an internal error and was loaded again; the results below were worked out by the new instance.",
    unexpected: "Unexpected error",

    estimateTitle: "Due date estimate",
    procedure: "Administrative procedure",
    channel: "Submission channel",
    channel_direct: "In person at the one-stop desk",
    channel_online: "Online",
    channel_postal: "By post",
    submittedAt: "Submitted at (Vietnam time, UTC+7)",
    now: "Now",
    estimateButton: "Estimate due date",
    dueLabel: "Result due",
    noDeadline: "This procedure has no processing deadline",
    processingTime: (pt) => {
      switch (pt?.kind) {
        case "same_day":
          return pt.cutoff
            ? `same day (next working day if received after ${pt.cutoff})`
            : "same day";
        case "working_days":
          return `${fmtNumber(pt.days, "en")} working days`;
        case "working_hours":
          return `${fmtNumber(pt.hours, "en")} working hours`;
        case "calendar_days":
          return `${pt.days} calendar days`;
        case "no_deadline":
          return "No processing deadline";
        default:
          return "";
      }
    },
    submittedEcho: "Submitted",
    processingTimeLabel: "Processing time",
    feesLabel: "Fees and charges",
    documentsLabel: "Documents to bring",
    noFees: "No fee or charge",
    noDocuments: "As listed in the published procedure",
    currency: "VND",
    explanationTitle: "How it was computed",
    estimateErrorLead: "Could not estimate the due date",

    calendarTitle: "Working calendar",
    monthTitle: (year, month) =>
      `${["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"][month - 1]} ${year}`,
    lunarYear: (names) => `Lunar year ${names}`,
    prevMonth: "Previous month",
    nextMonth: "Next month",
    thisMonth: "This month",
    pickMonth: "Pick a month",
    weekdaysShort: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    leapShort: "leap",
    lunarTooltip: (l) =>
      `Lunar: day ${l.day} of ${l.leap ? "leap " : ""}month ${l.month}, year ${l.yearName}`,
    workingDay: "Working day",
    dayOff: "Day off",
    legend_working: "Working day",
    legend_weekend: "Weekend",
    legend_holiday: "Holiday, Tết, day off",
    legend_makeup: "Make-up working day",
    legend_provisional: "Projected, not yet announced",
    legend_today: "Today",
    scheduleStatus: (year, status) =>
      ({
        official: `${year} holiday schedule: official (as announced by the Government).`,
        projected: `${year} holiday schedule: projected from the Labour Code, not yet officially announced — may change.`,
        loaded: `${year} holiday schedule: from loaded calendar data.`,
        none: `This calendar has no national holidays.`,
      })[status] ?? `${year} holiday schedule: ${status}.`,
    monthHolidaysTitle: "Days off and make-up days this month",
    noHolidaysThisMonth: "No holidays, substitute days or make-up days this month.",
    sourcesTitle: (year, n) => `Sources of the ${year} schedule (${n})`,
    kind: {
      statutory: "holiday",
      substitute: "substitute day off",
      swapped: "swapped day off",
      make_up: "make-up day",
      compensatory: "compensatory day off",
    },
    provisionalMark: "projected",
    calendarErrorLead: "Could not show the calendar",

    codeTitle: "Dossier code checker",
    codeLabel: "Dossier code (AGENCY-YYMMDD-SEQ)",
    codeButton: "Check",
    codeValid: "Valid code",
    codeAgency: "Receiving agency",
    codeDate: "Reception date",
    codeSequence: "Sequence number of the day",
    codeCanonical: "Canonical form",
    codeInvalidLead: "Invalid dossier code",

    footer:
      "Procedures come from the library's sample catalog (Catalog.sample): demo data, not the official catalog. Procedure names are in Vietnamese only.",
  },
};

/** 1.5 -> "1,5" and 2000 -> "2.000" in Vietnamese, "1.5" and "2,000" in English. */
export function fmtNumber(n, lang) {
  return Number(n).toLocaleString(lang === "vi" ? "vi-VN" : "en-GB");
}
