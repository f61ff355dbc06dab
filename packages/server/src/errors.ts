/**
 * Errors the API answers with: a stable code, an HTTP status, and a message in Vietnamese and English that the
 * app can show to the person on the tablet as it is.
 */
export const API_ERRORS = {
  unauthenticated: {
    status: 401,
    vi: 'Cần đăng nhập, hoặc thiết bị đã bị thu hồi.',
    en: 'Sign-in needed, or this device was revoked.',
  },
  forbidden: { status: 403, vi: 'Tài khoản này không có quyền làm việc này.', en: 'This account may not do this.' },
  notReleased: {
    status: 403,
    vi: 'Hội đồng chưa công bố kết quả kiểm tra này cho trạm.',
    en: 'The council has not released this inspection’s results to the station yet.',
  },
  notInspection: {
    status: 400,
    vi: 'Chỉ công bố kết quả của đợt kiểm tra.',
    en: 'Only an inspection campaign’s results are released.',
  },
  notFound: { status: 404, vi: 'Không tìm thấy.', en: 'Not found.' },
  invalid: { status: 400, vi: 'Dữ liệu gửi lên không hợp lệ.', en: 'The data sent is not valid.' },
  badLogin: { status: 401, vi: 'Sai tên đăng nhập hoặc mật khẩu.', en: 'Wrong login or password.' },
  badCode: { status: 401, vi: 'Mã không đúng, đã dùng hoặc đã hết hạn.', en: 'The code is wrong, used or expired.' },
  loginTaken: { status: 409, vi: 'Tên đăng nhập đã có người dùng.', en: 'That login is taken.' },
  tooMany: {
    status: 429,
    vi: 'Thử quá nhiều lần. Đợi một phút rồi thử lại.',
    en: 'Too many attempts. Wait a minute and try again.',
  },
  adminExists: { status: 409, vi: 'Đã có quản trị viên.', en: 'An admin already exists.' },
  badBaseline: {
    status: 400,
    vi: 'Đợt gốc phải cùng loại và cùng bộ tiêu chí (không trộn tự đánh giá với kiểm tra).',
    en: 'The baseline campaign must be of the same kind and criteria set (self-assessments and inspections never mix).',
  },
  notInScope: {
    status: 400,
    vi: 'Cơ sở này không thuộc phạm vi của đợt.',
    en: 'That facility is not in the campaign.',
  },
  notAnInspector: { status: 400, vi: 'Chỉ giao việc cho người kiểm tra.', en: 'Only inspectors can be assigned.' },
  invalidDocument: {
    status: 400,
    vi: 'Phiếu không hợp lệ; không có gì được lưu.',
    en: 'The assessment is not valid; nothing was stored.',
  },
  unknownSet: {
    status: 400,
    vi: 'Máy chủ không có bộ tiêu chí (hoặc phiên bản) của phiếu này.',
    en: 'The server does not have this assessment’s criteria set (or version).',
  },
  badHash: {
    status: 400,
    vi: 'Phiếu đã khóa hoặc đã nộp nhưng mã băm nội dung thiếu hoặc không khớp: phiếu có thể đã bị sửa.',
    en: 'A locked or submitted assessment whose content hash is missing or wrong: it may have been altered.',
  },
  immutable: {
    status: 409,
    vi: 'Phiếu đã khóa trên máy chủ và không sửa được; hãy tạo phiếu sửa đổi mới.',
    en: 'The assessment is locked on the server; make a new revision instead.',
  },
  stale: {
    status: 409,
    vi: 'Máy chủ có thay đổi mới hơn: đồng bộ để nhận về, rồi khóa lại.',
    en: 'The server has newer changes: sync to get them, then lock again.',
  },
  unknownCampaign: {
    status: 400,
    vi: 'Máy chủ không có đợt đánh giá của phiếu này.',
    en: 'The server has no such campaign.',
  },
  notInCampaign: {
    status: 400,
    vi: 'Phiếu không khớp đợt đánh giá (cơ sở ngoài phạm vi, hoặc bộ tiêu chí khác).',
    en: 'The assessment does not fit its campaign (facility out of scope, or another criteria set).',
  },
  tooLarge: { status: 413, vi: 'Tệp quá lớn.', en: 'The file is too large.' },
  photoHash: {
    status: 400,
    vi: 'Ảnh bị hỏng khi gửi (mã băm không khớp). Gửi lại.',
    en: 'The photo was damaged in transit (hash mismatch). Send it again.',
  },
  changedSince: {
    status: 409,
    vi: 'Phiếu đã thay đổi trên máy chủ từ khi bạn xem: đồng bộ rồi chọn lại.',
    en: 'The assessment changed on the server since you looked: sync, then choose again.',
  },
  noConflict: {
    status: 409,
    vi: 'Không còn xung đột này (có thể đã có người giải quyết): đồng bộ để xem bản mới.',
    en: 'There is no such conflict (someone may have resolved it already): sync to see the latest.',
  },
  noBaseline: {
    status: 400,
    vi: 'Đợt này không có đợt gốc để xếp hạng theo mức cải thiện.',
    en: 'This campaign has no baseline campaign to rank improvement against.',
  },
  badChecks: {
    status: 400,
    vi: 'Đợt kiểm tra chỉ đối chiếu được với một đợt tự đánh giá cùng bộ tiêu chí và phiên bản.',
    en: 'An inspection campaign can only check a self-assessment campaign of the same criteria set and version.',
  },
  nothingToPair: {
    status: 404,
    vi: 'Chưa có đủ phiếu đã nộp hoặc đã khóa của cơ sở này ở cả hai đợt để so sánh.',
    en: 'This facility does not yet have a submitted or locked assessment in both campaigns to compare.',
  },
  noChecked: {
    status: 400,
    vi: 'Đợt này không gắn với đợt tự đánh giá hay đợt kiểm tra nào để đối chiếu.',
    en: 'This campaign is not linked to a self-assessment or inspection campaign to reconcile with.',
  },
  roundMismatch: {
    status: 409,
    vi: 'Không gán được vòng này vào đợt: bộ tiêu chí hoặc loại đánh giá (tự đánh giá / kiểm tra) không khớp.',
    en: 'This round cannot be mapped to that campaign: the criteria set or the kind (self-assessment / inspection) differs.',
  },
  roundMapped: {
    status: 409,
    vi: 'Vòng này đã được gán vào một đợt khác.',
    en: 'This round is already mapped to another campaign.',
  },
  bundleRefused: {
    status: 400,
    vi: 'Tệp gói dữ liệu bị từ chối; không có gì được lưu. Xem danh sách phiếu bị từ chối và lý do.',
    en: 'The bundle was refused; nothing was stored. See the refused assessments and why.',
  },
  stationOwnOnly: {
    status: 403,
    vi: 'Trạm chỉ gửi được phiếu tự đánh giá của chính trạm. Phiếu kiểm tra và phiếu chấm vòng thi do người kiểm tra của hội đồng gửi.',
    en: "A station sends only its own self-assessments. Inspections and contest-round scoring are sent by the council's inspectors.",
  },
  inspectorOwnOnly: {
    status: 403,
    vi: 'Người kiểm tra chỉ gửi phiếu kiểm tra hoặc phiếu chấm vòng thi của cơ sở được giao, trong đợt được giao; phiếu tự đánh giá do trạm gửi.',
    en: 'An inspector sends only inspections or contest-round scoring of the facilities assigned to them, in the campaign they are assigned to; self-assessments are sent by the station.',
  },
  kindMismatch: {
    status: 400,
    vi: 'Loại phiếu (tự đánh giá, kiểm tra, vòng thi) không khớp loại của đợt; không có gì được lưu.',
    en: 'The assessment’s kind (self-assessment, inspection, contest round) does not match the campaign’s kind; nothing was stored.',
  },
  deviceOnly: {
    status: 403,
    vi: 'Chỉ thiết bị đã đăng ký mới làm được việc này.',
    en: 'Only an enrolled device can do this.',
  },
  invalidPlan: {
    status: 400,
    vi: 'Kế hoạch cải tiến không hợp lệ; không có gì được lưu.',
    en: 'The improvement plan is not valid; nothing was stored.',
  },
  planAssessmentMissing: {
    status: 409,
    vi: 'Máy chủ chưa có phiếu của kế hoạch này: phiếu sẽ được gửi trước, kế hoạch gửi lại ở lần đồng bộ sau.',
    en: 'The server does not have this plan’s assessment yet: it is sent first, the plan at the next sync.',
  },
} as const;

/** One of {@link API_ERRORS}. */
export type ApiErrorCode = keyof typeof API_ERRORS;

/** Thrown by handlers; the error handler answers `{ error: { code, message: { vi, en }, details? } }`. */
export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    readonly details?: unknown,
  ) {
    super(API_ERRORS[code].en);
    this.status = API_ERRORS[code].status;
  }
}

/** The JSON body of an error answer. */
export function errorBody(code: ApiErrorCode, details?: unknown) {
  const e = API_ERRORS[code];
  return { error: { code, message: { vi: e.vi, en: e.en }, ...(details === undefined ? {} : { details }) } };
}
