/**
 * Messages of the council-server views (sync state, settings, enrolment, admin, my campaigns), Vietnamese first,
 * through core's one catalogue (`defineMessages`: typed codes, `{n:one|other}` plurals). Lazy-loaded with those
 * views, so the start-up bundle does not carry them.
 */
import { defineMessages, type MessageTable } from '../core.js';
import { locale } from '../i18n.js';

const TABLE = {
  'sync.button': { vi: 'Đồng bộ', en: 'Sync' },
  'sync.running': { vi: 'Đang đồng bộ…', en: 'Syncing…' },
  'sync.allSynced': { vi: 'Đã đồng bộ hết', en: 'All synced' },
  'sync.waiting': { vi: '{n} thay đổi chờ gửi', en: '{n} {n:change|changes} waiting' },
  'sync.photosWaiting': { vi: '{n} ảnh chờ gửi', en: '{n} {n:photo|photos} waiting' },
  'sync.answersSynced': { vi: 'Đã gửi hết câu trả lời', en: 'All answers sent' },
  'sync.last': { vi: 'Lần cuối: {when}', en: 'Last sync: {when}' },
  'sync.never': { vi: 'Chưa đồng bộ lần nào', en: 'Never synced' },
  'sync.unreachable': {
    vi: 'Không kết nối được máy chủ. Các thay đổi vẫn được giữ trên máy và sẽ tự gửi khi có mạng.',
    en: 'The server cannot be reached. Changes are kept on this device and sent when the network is back.',
  },
  'sync.signInAgain': {
    vi: 'Thiết bị đã bị thu hồi hoặc hết hạn. Các thay đổi vẫn được giữ trên máy: xin quản trị viên mã mới rồi kết nối lại trong Cài đặt.',
    en: 'This device was revoked or its access expired. Changes are kept on this device: ask the admin for a new code and connect again in Settings.',
  },
  'sync.serverError': { vi: 'Máy chủ báo lỗi: {text}', en: 'The server reported: {text}' },
  'sync.refusedTitle': { vi: 'Phiếu máy chủ không nhận', en: 'Assessments the server refused' },
  'sync.refusedHint': {
    vi: 'Phiếu vẫn ở trên máy. Sửa theo lời nhắn rồi phiếu sẽ được gửi lại.',
    en: 'The assessment stays on this device. Fix it as the message says and it is sent again.',
  },
  'sync.offlineStatus': { vi: 'Không có mạng', en: 'Offline' },
  'settings.title': { vi: 'Cài đặt', en: 'Settings' },
  'settings.server': { vi: 'Kết nối máy chủ', en: 'Council server' },
  'settings.notEnrolled': {
    vi: 'Máy này chưa kết nối máy chủ của hội đồng: mọi phiếu chỉ ở trên máy. Xin quản trị viên mã QR hoặc mã ngắn.',
    en: "This device is not connected to the council's server: assessments stay on this device. Ask the admin for a QR code or short code.",
  },
  'settings.address': { vi: 'Địa chỉ máy chủ', en: 'Server address' },
  'settings.code': { vi: 'Mã ngắn', en: 'Short code' },
  'settings.connect': { vi: 'Kết nối', en: 'Connect' },
  'settings.scan': { vi: 'Quét mã QR', en: 'Scan QR code' },
  'settings.stopScan': { vi: 'Dừng quét', en: 'Stop scanning' },
  'settings.scanHint': {
    vi: 'Hướng camera vào mã QR trên màn hình của quản trị viên.',
    en: "Point the camera at the QR code on the admin's screen.",
  },
  'settings.noCamera': {
    vi: 'Không mở được camera. Hãy gõ mã ngắn.',
    en: 'The camera could not be opened. Type the short code instead.',
  },
  'settings.badQr': {
    vi: 'Mã QR này không phải mã kết nối Tiêu Chí.',
    en: 'This QR code is not a Tiêu Chí enrolment code.',
  },
  'settings.connected': {
    vi: 'Đã kết nối {server} với tư cách {name} ({role}).',
    en: 'Connected to {server} as {name} ({role}).',
  },
  'settings.since': { vi: 'Kết nối từ {when}', en: 'Connected since {when}' },
  'settings.keyRegistered': {
    vi: 'Khoá ký của máy đã đăng ký với hội đồng.',
    en: "This device's signing key is registered.",
  },
  'settings.leave': { vi: 'Rời máy chủ', en: 'Leave the server' },
  'settings.leaveConfirm': {
    vi: 'Rời máy chủ? Các phiếu vẫn ở trên máy; {n} thay đổi chưa gửi sẽ được gửi khi kết nối lại.',
    en: 'Leave the server? Assessments stay on this device; {n} unsent {n:change|changes} will be sent after connecting again.',
  },
  'settings.admin': { vi: 'Quản trị (hội đồng)', en: 'Administration (council)' },
  'role.admin': { vi: 'quản trị hội đồng', en: 'council admin' },
  'role.inspector': { vi: 'người kiểm tra', en: 'inspector' },
  'role.station': { vi: 'trạm', en: 'station' },
  'admin.title': { vi: 'Quản trị hội đồng', en: 'Council administration' },
  'admin.signIn': { vi: 'Đăng nhập', en: 'Sign in' },
  'admin.signOut': { vi: 'Đăng xuất', en: 'Sign out' },
  'admin.signedInAs': { vi: 'Đã đăng nhập: {name} ({role})', en: 'Signed in: {name} ({role})' },
  'admin.login': { vi: 'Tên đăng nhập', en: 'Login' },
  'admin.password': { vi: 'Mật khẩu (ít nhất 10 ký tự)', en: 'Password (at least 10 characters)' },
  'admin.displayName': { vi: 'Họ tên', en: 'Full name' },
  'admin.firstAdmin': { vi: 'Tạo quản trị viên đầu tiên', en: 'Create the first admin' },
  'admin.firstAdminHint': {
    vi: 'Dùng mã một lần mà máy chủ in ra khi khởi động lần đầu.',
    en: 'Use the one-time code the server printed at its first start.',
  },
  'admin.oneTimeCode': { vi: 'Mã một lần', en: 'One-time code' },
  'admin.notAdmin': {
    vi: 'Chỉ quản trị hội đồng dùng được các màn hình này.',
    en: 'Only council admins can use these screens.',
  },
  'admin.tab.users': { vi: 'Người dùng', en: 'Users' },
  'admin.tab.devices': { vi: 'Thiết bị', en: 'Devices' },
  'admin.tab.campaigns': { vi: 'Đợt đánh giá', en: 'Campaigns' },
  'admin.role': { vi: 'Vai trò', en: 'Role' },
  'admin.facility': { vi: 'Cơ sở', en: 'Facility' },
  'admin.create': { vi: 'Tạo', en: 'Create' },
  'admin.created': { vi: 'Đã tạo.', en: 'Created.' },
  'admin.resetPassword': { vi: 'Đặt lại mật khẩu', en: 'Reset password' },
  'admin.newPassword': { vi: 'Mật khẩu mới cho {name}', en: 'New password for {name}' },
  'admin.passwordReset': {
    vi: 'Đã đặt lại mật khẩu; các phiên cũ đã kết thúc.',
    en: 'Password reset; old sessions ended.',
  },
  'admin.deviceFor': { vi: 'Thiết bị của', en: 'Device for' },
  'admin.deviceLabel': { vi: 'Tên thiết bị (vd. Máy tính bảng trạm 3)', en: 'Device name (e.g. Station 3 tablet)' },
  'admin.enrolCodes': {
    vi: 'Quét mã QR này trong ứng dụng (Cài đặt → Kết nối máy chủ → Quét mã QR), hoặc gõ mã ngắn. Mã chỉ dùng một lần, hết hạn lúc {when}, và chỉ hiện một lần.',
    en: 'Scan this QR code in the app (Settings → Council server → Scan QR code), or type the short code. Single use, expires at {when}, shown only once.',
  },
  'admin.qrLabel': { vi: 'Mã QR kết nối thiết bị', en: 'Device enrolment QR code' },
  'admin.revoke': { vi: 'Thu hồi', en: 'Revoke' },
  'admin.revokeConfirm': {
    vi: 'Thu hồi thiết bị "{label}"? Thiết bị sẽ bị chặn ở lần gửi tiếp theo; dữ liệu trên máy không bị xoá.',
    en: 'Revoke the device "{label}"? It is stopped at its next request; the data on it is not deleted.',
  },
  'admin.state.revoked': { vi: 'đã thu hồi', en: 'revoked' },
  'admin.state.enrolled': { vi: 'đang hoạt động', en: 'active' },
  'admin.state.waiting': { vi: 'chờ kết nối', en: 'waiting for enrolment' },
  'admin.lastSeen': { vi: 'lần cuối {when}', en: 'last seen {when}' },
  'admin.nameVi': { vi: 'Tên đợt (tiếng Việt)', en: 'Name (Vietnamese)' },
  'admin.nameEn': { vi: 'Tên đợt (tiếng Anh)', en: 'Name (English)' },
  'admin.set': { vi: 'Bộ tiêu chí', en: 'Criteria set' },
  'admin.kind': { vi: 'Loại', en: 'Kind' },
  'admin.kind.self-assessment': { vi: 'Tự đánh giá', en: 'Self-assessment' },
  'admin.kind.inspection': { vi: 'Kiểm tra', en: 'Inspection' },
  'admin.kind.contest': { vi: 'Vòng thi', en: 'Contest round' },
  'admin.opensOn': { vi: 'Ngày mở', en: 'Opens on' },
  'admin.closesOn': { vi: 'Hạn cuối', en: 'Closes on' },
  'admin.baseline': { vi: 'Đợt gốc (để xếp hạng mức cải thiện)', en: 'Baseline campaign (for improvement ranking)' },
  'admin.none': { vi: '(không có)', en: '(none)' },
  'admin.scope': { vi: 'Cơ sở trong đợt: {n} đã chọn', en: 'Facilities in scope: {n} selected' },
  'admin.filter': { vi: 'Lọc cơ sở', en: 'Filter facilities' },
  'admin.selectShown': { vi: 'Chọn tất cả đang hiện', en: 'Select all shown' },
  'admin.assignments': { vi: 'Phân công', en: 'Assignments' },
  'admin.inspector': { vi: 'Người kiểm tra', en: 'Inspector' },
  'admin.assign': { vi: 'Giao', en: 'Assign' },
  'admin.checks': {
    vi: 'Đợt tự đánh giá được kiểm tra (chỉ với đợt kiểm tra)',
    en: 'Self-assessment campaign it checks (inspection campaigns only)',
  },
  'admin.release': { vi: 'Công bố kết quả cho các trạm', en: 'Release the results to the stations' },
  'admin.released': { vi: 'Đã công bố cho các trạm ngày {date}', en: 'Released to the stations on {date}' },
  'admin.notReleased': {
    vi: 'Chưa công bố: các trạm chưa thấy kết quả kiểm tra này',
    en: 'Not released: the stations do not see these results yet',
  },
  'admin.phase.upcoming': { vi: 'sắp mở', en: 'upcoming' },
  'admin.phase.open': { vi: 'đang mở', en: 'open' },
  'admin.phase.closed': { vi: 'đã đóng', en: 'closed' },
  'admin.dates': { vi: '{from} – {to}', en: '{from} – {to}' },
  'admin.facilitiesCount': { vi: '{n} cơ sở', en: '{n} {n:facility|facilities}' },
  'mine.title': { vi: 'Đợt đánh giá của tôi', en: 'My campaigns' },
  'mine.due': { vi: 'Hạn {date}', en: 'Due {date}' },
  'mine.done': { vi: 'Đã xong', en: 'Done' },
  'mine.late': { vi: 'Trễ hạn', en: 'Late' },
  'mine.inProgress': { vi: 'Đang làm', en: 'In progress' },
  'mine.todo': { vi: 'Chưa bắt đầu', en: 'Not started' },
  'mine.start': { vi: 'Bắt đầu', en: 'Start' },
  'mine.open': { vi: 'Mở phiếu', en: 'Open' },
  'mine.noSet': { vi: 'Máy này chưa có bộ tiêu chí {set}.', en: 'This device does not have the criteria set {set}.' },
  'mine.empty': { vi: 'Chưa có đợt đánh giá nào giao cho bạn.', en: 'No campaign is assigned to you yet.' },
  'serverDash.title': { vi: 'Số liệu trên máy chủ hội đồng', en: "The council server's figures" },
  'serverDash.source': {
    vi: 'Đọc từ máy chủ {server} lúc {when}: mọi phiếu đã đồng bộ, không cần nhập tệp.',
    en: 'Read from the server {server} at {when}: every synced assessment, no files to import.',
  },
  'serverDash.local': { vi: 'Đang xem dữ liệu trên máy này: {why}', en: 'Showing the data on this device: {why}' },
  'serverDash.why.notEnrolled': {
    vi: 'máy chưa kết nối máy chủ hội đồng (Cài đặt → Kết nối máy chủ).',
    en: "this device is not connected to the council's server (Settings → Council server).",
  },
  'serverDash.why.notCouncil': {
    vi: 'bảng số liệu của máy chủ dành cho hội đồng và người kiểm tra.',
    en: "the server's dashboard is for the council and inspectors.",
  },
  'serverDash.why.offline': {
    vi: 'không có mạng; số liệu máy chủ sẽ hiện khi có mạng trở lại.',
    en: "no network; the server's figures appear when the network is back.",
  },
  'serverDash.why.unreachable': {
    vi: 'không kết nối được máy chủ. Bấm "Thử lại" khi có mạng.',
    en: 'the server cannot be reached. Press "Try again" when the network is back.',
  },
  'serverDash.why.signInAgain': {
    vi: 'thiết bị đã bị thu hồi hoặc hết hạn; xin quản trị viên mã mới rồi kết nối lại trong Cài đặt.',
    en: 'this device was revoked or its access expired; ask the admin for a new code and connect again in Settings.',
  },
  'serverDash.why.server': { vi: 'máy chủ báo lỗi: {text}', en: 'the server reported: {text}' },
  'serverDash.retry': { vi: 'Thử lại', en: 'Try again' },
  'serverDash.loading': { vi: 'Đang đọc số liệu từ máy chủ…', en: "Reading the server's figures…" },
  'serverDash.campaign': { vi: 'Đợt đánh giá', en: 'Campaign' },
  'serverDash.kind': { vi: 'Loại cơ sở', en: 'Facility kind' },
  'serverDash.commune': { vi: 'Xã/phường', en: 'Commune' },
  'serverDash.all': { vi: 'Tất cả', en: 'All' },
  'serverDash.noCampaign': { vi: '(không thuộc đợt nào)', en: '(no campaign)' },
  'serverDash.engine': {
    vi: 'Điểm do bộ máy tính điểm phiên bản {version} tính; {n} phiếu vừa được tính lại cho lần đọc này.',
    en: 'Scores computed by scoring engine version {version}; {n} {n:assessment was|assessments were} recomputed for this read.',
  },
  'serverDash.recomputed': {
    vi: 'Kết quả của đợt được tính lại lúc {when} (bộ máy tính điểm phiên bản {version}, {n} phiếu) vì {why}.',
    en: "The campaign's results were last computed at {when} (scoring engine version {version}, {n} {n:assessment|assessments}) because {why}.",
  },
  'serverDash.count': { vi: '{n} phiếu', en: '{n} {n:assessment|assessments}' },
  'serverDash.facility': { vi: 'Cơ sở', en: 'Facility' },
  'serverDash.status': { vi: 'Trạng thái', en: 'Status' },
  'serverDash.score': { vi: 'Tỷ lệ điểm', en: 'Score' },
  'serverDash.decision': { vi: 'Kết luận', en: 'Decision' },
  'serverDash.unscored': { vi: 'Không chấm được', en: 'Not scorable' },
  'serverDash.empty': { vi: 'Không có phiếu nào khớp bộ lọc.', en: 'No assessment matches the filters.' },
  'serverDash.csv': { vi: 'Tải CSV từ máy chủ', en: 'Download CSV from the server' },
  'serverDash.xlsx': { vi: 'Tải Excel (.xlsx) từ máy chủ', en: 'Download Excel (.xlsx) from the server' },
  'serverDash.localBelow': {
    vi: 'Bên dưới: biểu đồ trên dữ liệu của máy này (phiếu đã đồng bộ về máy và tệp nhập).',
    en: "Below: charts over this device's data (assessments synced to it and imported files).",
  },
  'admin.tab.rounds': { vi: 'Vòng gõ tay', en: 'Typed rounds' },
  'rounds.hint': {
    vi: 'Các phiếu cũ ghi vòng bằng chữ gõ tay. Gắn mỗi vòng vào một đợt đánh giá cùng bộ tiêu chí để xếp hạng và so sánh theo đợt. Việc gắn không đổi nội dung phiếu (mã băm giữ nguyên).',
    en: 'Older assessments name their round in typed words. Map each round to a campaign of the same criteria set so ranking and comparison go by campaign. Mapping does not change the assessments (their hash stays the same).',
  },
  'rounds.empty': {
    vi: 'Không còn vòng gõ tay nào chưa gắn vào đợt.',
    en: 'No typed round is left to map to a campaign.',
  },
  'rounds.line': {
    vi: '{set} · {n} phiếu',
    en: '{set} · {n} {n:assessment|assessments}',
  },
  'rounds.campaign': { vi: 'Gắn vào đợt', en: 'Map to campaign' },
  'rounds.choose': { vi: '(chọn đợt)', en: '(choose a campaign)' },
  'rounds.noCampaign': {
    vi: 'Chưa có đợt nào dùng bộ tiêu chí này: tạo đợt trước ở thẻ "Đợt đánh giá".',
    en: 'No campaign uses this criteria set yet: create one first in the "Campaigns" tab.',
  },
  'rounds.map': { vi: 'Gắn', en: 'Map' },
  'rounds.mapped': {
    vi: 'Đã gắn {n} phiếu của vòng "{round}" vào đợt "{campaign}".',
    en: 'Mapped {n} {n:assessment|assessments} of the round "{round}" to the campaign "{campaign}".',
  },
  'sync.photosRefused': {
    vi: '{n} ảnh máy chủ không nhận',
    en: '{n} {n:photo|photos} the server refused',
  },
  'sync.photosRefusedTitle': { vi: 'Ảnh máy chủ không nhận', en: 'Photos the server refused' },
  'sync.photosRefusedHint': {
    vi: 'Ảnh vẫn ở trên máy nhưng sẽ không được gửi lại tự động. Làm theo lời nhắn: ảnh chụp lại sẽ được gửi.',
    en: 'The photo stays on this device but is not sent again by itself. Do as the message says: a retaken photo is sent.',
  },
  'sync.photoTooLarge': {
    vi: 'Ảnh quá lớn, máy chủ không nhận. Chụp lại ảnh nhỏ hơn (hoặc gỡ ảnh) ở {where}.',
    en: 'The photo is too large for the server. Retake a smaller photo (or remove it) at {where}.',
  },
  'sync.photoWrongType': {
    vi: 'Ảnh không đúng định dạng (máy chủ chỉ nhận JPEG, PNG, WebP). Chụp lại ảnh ở {where}.',
    en: 'The photo is not a type the server takes (JPEG, PNG, WebP only). Retake the photo at {where}.',
  },
  'sync.photoRefusedOther': {
    vi: 'Máy chủ không nhận ảnh ({text}). Chụp lại hoặc gỡ ảnh ở {where}.',
    en: 'The server refused the photo ({text}). Retake or remove the photo at {where}.',
  },
  'sync.placeItem': { vi: 'phiếu {facility}, mục {item}', en: '{facility}, item {item}' },
  'sync.placePlan': {
    vi: 'kế hoạch cải tiến của {facility}, mục {item}',
    en: 'the improvement plan of {facility}, item {item}',
  },
  'sync.placeSignature': { vi: 'chữ ký trên phiếu {facility}', en: 'the signature on {facility}' },
  'sync.planConflictsTitle': {
    vi: 'Kế hoạch cải tiến sửa khác nhau trên hai máy',
    en: 'Improvement plans changed differently on two devices',
  },
  'sync.planConflictsHint': {
    vi: 'Máy chủ giữ giá trị gửi đến trước. Xem lại và sửa trong kế hoạch nếu cần: lần sửa đó sẽ thay thế.',
    en: 'The server kept the value that reached it first. Check it and edit the plan if needed: that edit settles it.',
  },
  'sync.planConflict': {
    vi: 'Mục {item}, {field}: đang giữ "{theirs}"; {by} đã sửa thành "{ours}" ({when}).',
    en: 'Item {item}, {field}: kept "{theirs}"; {by} changed it to "{ours}" ({when}).',
  },
} as const satisfies MessageTable;

/** Codes of this table. */
export type SyncMessageCode = keyof typeof TABLE;

const msg = defineMessages(TABLE);

/** A message of the council-server views in the current UI language. */
export const st = (code: SyncMessageCode, args?: Record<string, string | number>): string => msg(code, args)[locale()];
