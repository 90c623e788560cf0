/**
 * Pages that are not an article to read: mostly a video or a photo gallery. Such a page still has some text (a
 * caption, a standfirst); returning it as the article would be junk, so the reader says what the page is instead.
 * Read from the page before Readability changes it.
 */
import type { DomDocument } from './dom.js';
import { selectAll, selectOne } from './dom.js';
import { classWords } from './furniture.js';

export interface PageKindSignals {
  video: string | null;
  gallery: string | null;
}

/** Images a gallery page holds at least. */
export const DEFAULT_GALLERY_MIN_IMAGES = 6;
/** Words of prose below which a video or gallery page is that, not an article. */
export const DEFAULT_MIN_ARTICLE_WORDS = 60;

const VIDEO_HOST_RE = /youtube\.com|youtu\.be|vimeo\.com|dailymotion\.com|jwplayer|brightcove|players\.|\/embed\//i;

/** What says a page is a video or a gallery, in words for the message; null where nothing does. */
export function pageKindSignals(doc: DomDocument): PageKindSignals {
  const ogType = selectOne(doc, 'meta[property="og:type"]')?.getAttribute('content')?.toLowerCase() ?? '';
  const ld = selectAll(doc, 'script[type="application/ld+json"]').map((s) => s.textContent ?? '').join(' ');
  let video: string | null = null;
  if (ogType.startsWith('video')) video = `og:type ${ogType}`;
  else if (/"@type"\s*:\s*"VideoObject"/.test(ld) && !/"@type"\s*:\s*"(?:News)?Article"/.test(ld)) video = 'JSON-LD VideoObject';
  else if (selectAll(doc, 'video').length > 0 || selectAll(doc, 'iframe').some((f) => VIDEO_HOST_RE.test(f.getAttribute('src') ?? ''))) video = 'an embedded video player';
  let gallery: string | null = null;
  const images = selectAll(doc, 'img').length;
  if (/gallery/.test(ogType) || /"@type"\s*:\s*"ImageGallery"/.test(ld)) gallery = 'the page calls itself a gallery';
  else if (images >= DEFAULT_GALLERY_MIN_IMAGES && selectAll(doc, '[class*="gallery"], [class*="slideshow"], [class*="carousel"]').some((el) => classWords(el).some((w) => w === 'gallery' || w === 'slideshow' || w === 'carousel'))) gallery = `${images} images in a slideshow`;
  return { video, gallery };
}
