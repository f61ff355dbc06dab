/** The streamed bundle container (decision 0012, docs/bundle-format.md): DOM-free, for app, CLI and server. */
export {
  CONTAINER_FORMAT,
  CONTAINER_VERSION,
  MANIFEST_ENTRY,
  photoEntry,
  type ContainerManifest,
  type ContainerPhoto,
  type DocumentList,
} from './format.js';
export { writeContainer, type ContainerInput } from './write.js';
export {
  readContainer,
  verifyContainer,
  isContainer,
  type ContainerRead,
  type ContainerPhotoRead,
  type ContainerSource,
  type ByteStream,
  type ReadContainerOptions,
} from './read.js';
