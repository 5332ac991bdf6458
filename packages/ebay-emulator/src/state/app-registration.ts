/** The application keyset the emulator knows (one, documented in the README). */
export const DEFAULT_APP = {
  clientId: 'EbayConne-Emulator-PRD-0a1b2c3d4-e5f6a7b8',
  clientSecret: 'PRD-0a1b2c3d4e5f-6a7b-8c9d-0e1f-emulator',
  ruName: 'eBay_Connector-EbayConn-Emulat-abcdefgh',
  devId: '0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
} as const;

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  ruName: string;
  /** Accept URL of the RuName (where consent redirects). Undefined = the emulator's own /__emulator/accept page. */
  acceptUrl: string | undefined;
}
