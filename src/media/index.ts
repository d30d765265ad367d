export { uploadMedia, updateMedia, listMedia, getMedia, deleteMedia, recordImage, MEDIA_PAGE_SIZE, type MediaText } from './library.ts';
export { prepareImage, type PreparedImage } from './prepare.ts';
export { ACCEPTED_FORMATS, ACCEPTED_NAMES, MAX_MEDIA_BYTES, MAX_MEDIA_PIXELS } from './limits.ts';
export { mediaUrl, variantUrl, withUrls, BODY_WIDTH, THUMB_WIDTH } from './urls.ts';
