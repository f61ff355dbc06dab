/**
 * The streamed bundle container, version 1 (docs/bundle-format.md, decision 0012): a ZIP whose first entry is the
 * manifest {@link MANIFEST_ENTRY}, then one JSON entry per document, then one stored entry per photo,
 * `photos/<sha256>`. Every entry records its sizes in its local header.
 */
import type { Bundle } from '../generated/types.js';
import { defineMessages, type MessageTable } from '../catalogue.js';

/** The manifest's `format` value. */
export const CONTAINER_FORMAT = 'tieuchi-bundle-zip';
/** The container format version this code writes and reads. */
export const CONTAINER_VERSION = 1;
/** Name of the first entry. */
export const MANIFEST_ENTRY = 'tieuchi-bundle.json';

/** The lists of a bundle that hold documents (photos are entries of their own). */
export type DocumentList = 'assessments' | 'criteriaSets' | 'facilities' | 'plans';
/** The document lists, in the order their entries are written. */
export const DOCUMENT_LISTS: readonly DocumentList[] = ['criteriaSets', 'facilities', 'assessments', 'plans'];

/** A photo as the manifest lists it: a bundle photo without its data. */
export type ContainerPhoto = Omit<NonNullable<Bundle['photos']>[number], 'dataBase64'>;

/** The first entry: what the file holds, so a reader knows every entry before it reads one. */
export interface ContainerManifest {
  format: typeof CONTAINER_FORMAT;
  formatVersion: number;
  /** The bundle schema version of the documents. */
  schemaVersion: 1;
  createdAt: string;
  app?: Bundle['app'] | undefined;
  counts: Record<DocumentList | 'photos', number>;
  /** Every document entry, in file order. */
  documents: { entry: string; list: DocumentList; id: string }[];
  /** Every photo, in file order; its entry is `photos/<hash>`. */
  photos: ContainerPhoto[];
}

/** The entry that holds a photo. */
export const photoEntry = (hash: string): string => `photos/${hash}`;

const TABLE = {
  'container.not-zip': {
    vi: 'Tệp không phải bản sao lưu dạng zip đọc được: {why}',
    en: 'The file is not a readable zip backup: {why}',
  },
  'container.no-manifest': {
    vi: 'Tệp zip không bắt đầu bằng {entry}: không phải bản sao lưu Tiêu Chí',
    en: 'The zip does not start with {entry}: not a Tiêu Chí backup',
  },
  'container.bad-manifest': {
    vi: 'Phần mô tả {entry} không hợp lệ: {why}',
    en: 'The manifest {entry} is not valid: {why}',
  },
  'container.version': {
    vi: 'Bản sao lưu dạng {format} phiên bản {version}: ứng dụng này chỉ đọc phiên bản {known}; hãy cập nhật ứng dụng',
    en: 'Backup format {format} version {version}: this app reads version {known} only; update the app',
  },
  'container.missing-entry': {
    vi: 'Thiếu phần {entry} có trong danh sách của tệp (hoặc nó đứng sau các ảnh)',
    en: 'Entry {entry} is listed but missing from the file (or comes after the photos)',
  },
  'container.unlisted-entry': {
    vi: 'Phần {entry} không có trong danh sách của tệp: bị từ chối',
    en: 'Entry {entry} is not listed in the manifest: refused',
  },
  'container.bad-entry': { vi: 'Phần {entry} không đọc được: {why}', en: 'Entry {entry} cannot be read: {why}' },
  'container.too-big': {
    vi: 'Phần {entry} lớn hơn {mb} MB: bị từ chối',
    en: 'Entry {entry} is larger than {mb} MB: refused',
  },
} as const satisfies MessageTable;

/** The container's own problems, both languages. */
export const containerMsg = defineMessages(TABLE);
/** Codes of {@link containerMsg}. */
export type ContainerCode = keyof typeof TABLE;
