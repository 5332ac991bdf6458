export { emulatorUrl, findRunningEmulator, startEmulator, type RunningEmulator } from './start-emulator';
export { DEFAULT_APP, type AppRegistration } from './state/app-registration';
export { DEFAULT_OPTIONS, type EmulatorOptions, type EmulatorOptionsInput } from './state/options';
export type { EmulatorState } from './state/emulator-state';
export type { FaultConfig, EndpointFaults, QueuedFault } from './faults/fault-config';
export { DEFAULT_QUOTAS, type QuotaLimits, type QuotaApi } from './quotas/quota-config';
export { USER_SCOPES, APP_SCOPES, BASE_SCOPE } from './oauth/scopes';
export { challengeResponse, type AccountDeletionReport, type AccountDeletionRequest } from './notification/account-deletion.service';
export type { Truth, TruthResource } from './control/truth.service';
