/**
 * Account labels at the longest the API takes (100 characters): one with no space to break at, one with spaces.
 * Pages that show an account's label must fit both.
 */
export const LONG_LABELS = {
  unbroken: 'VintageVaultRecordsAndCollectiblesMainStoreForRareVinylPressingsAndAudioEquipmentSinceNineteenNinety'.slice(0, 100),
  spaced: 'Vintage Vault Records & Collectibles – main store for rare vinyl pressings and audio equipment (EU)',
} as const;
