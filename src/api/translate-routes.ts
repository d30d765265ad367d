// The translation workspace's routes (src/translate/README.md documents each answer). Each names the
// permission the auth hook checks; the operations check again with the article they load.
import type { FastifyReply, FastifySchema, HTTPMethods } from 'fastify';
import type { AppContext } from '../context.ts';
import type { Action } from '../domain/permissions.ts';
import { idParams } from './schemas.ts';
import * as s from './translate-schemas.ts';
import * as tr from './translations.ts';
import * as tm from './tm.ts';
import { getTranslateConfig } from './translate-config.ts';
import * as rv from './reviewers.ts';

type Handler = (ctx: AppContext, req: any, reply: FastifyReply) => Promise<unknown>;
type Config = { permission: Action; xmlBody?: boolean };
const ID = { params: idParams };
const SEG = { params: s.segmentParams };

export const TRANSLATE_ROUTES: [HTTPMethods, string, Handler, FastifySchema | undefined, Config][] = [
  ['POST', '/articles/:id/translations', tr.postTranslation, { ...ID, body: s.startBody }, { permission: 'article.create' }],
  ['GET', '/articles/:id/translations', tr.getTranslationsOfArticle, ID, { permission: 'article.read' }],
  ['POST', '/candidates/:id/translations', tr.postCandidateTranslation, { ...ID, body: s.startBody }, { permission: 'feeds.manage' }],
  ['GET', '/articles/:id/segments', tr.getSegmentsHandler, ID, { permission: 'article.read' }],
  ['PUT', '/articles/:id/segments/:segmentId', tr.putSegment, { ...SEG, body: s.segmentBody }, { permission: 'article.edit' }],
  ['POST', '/articles/:id/segments/:segmentId/machine', tr.postMachine, SEG, { permission: 'article.edit' }],
  ['POST', '/articles/:id/segments/:segmentId/comments', tr.postSegmentComment, { ...SEG, body: s.commentBody }, { permission: 'article.read' }],
  ['GET', '/articles/:id/translation', tr.getTranslationHandler, ID, { permission: 'article.read' }],
  ['POST', '/articles/:id/translation/comments', tr.postTranslationComment, { ...ID, body: s.commentBody }, { permission: 'article.read' }],
  ['POST', '/articles/:id/translation/submit', tr.postSubmitTranslation, ID, { permission: 'article.submit' }],
  // translation.review: editors, and (checked again with the translation) the reviewers named for its pair.
  ['POST', '/articles/:id/translation/return', tr.postReturnTranslation, { ...ID, body: s.returnBody }, { permission: 'translation.review' }],
  ['POST', '/articles/:id/translation/approve', tr.postApproveTranslation, ID, { permission: 'translation.review' }],
  ['POST', '/articles/:id/translation/publish', tr.postPublishTranslation, { ...ID, body: s.publishTranslationBody }, { permission: 'article.publish' }],
  ['GET', '/translations', tr.getTranslationsHandler, { querystring: s.translationListQuery }, { permission: 'article.read' }],
  ['GET', '/translate/config', getTranslateConfig, undefined, { permission: 'article.read' }],
  ['GET', '/tm/matches', tm.getMatches, { querystring: s.matchQuery }, { permission: 'article.read' }],
  ['POST', '/tm/import', tm.postTmxImport, undefined, { permission: 'article.publish', xmlBody: true }],
  ['GET', '/tm/export', tm.getTmxExport, { querystring: s.pairQuery }, { permission: 'article.read' }],
  ['GET', '/glossary', tm.getGlossary, { querystring: s.pairQuery }, { permission: 'article.read' }],
  ['POST', '/glossary', tm.postGlossary, { body: s.glossaryBody }, { permission: 'article.edit' }],
  ['DELETE', '/glossary/:id', tm.deleteGlossary, ID, { permission: 'article.edit' }],
  ['GET', '/reviewers', rv.getReviewersHandler, undefined, { permission: 'settings.manage' }],
  ['POST', '/reviewers', rv.postReviewer, { body: s.reviewerBody }, { permission: 'settings.manage' }],
  ['DELETE', '/reviewers/:id', rv.deleteReviewerHandler, ID, { permission: 'settings.manage' }],
  ['GET', '/notices', tm.getNotices, { querystring: s.noticeQuery }, { permission: 'article.read' }],
  ['POST', '/notices/:id/read', tm.postNoticeRead, ID, { permission: 'article.read' }],
];
