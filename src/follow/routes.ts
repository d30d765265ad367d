import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';

// Placeholder until this surface's routes land.
export async function registerFollowRoutes(_app: FastifyInstance, _ctx: AppContext): Promise<void> {}
