import type { FastifyInstance } from 'fastify';
import type { EmulatorState } from '../state/emulator-state';
import { registerTransactionRoutes } from './transactions.routes';
import { registerPayoutRoutes } from './payouts.routes';

export function registerFinanceRoutes(app: FastifyInstance, state: EmulatorState): void {
  registerTransactionRoutes(app, state);
  registerPayoutRoutes(app, state);
}
