export interface IdentityAddress {
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  country?: string;
  county?: string;
  postalCode?: string;
  stateOrProvince?: string;
}

export interface IdentityPhone {
  countryCode?: string;
  number?: string;
  phoneType?: string;
}

export interface EbayUser {
  /** Immutable: use it as the account key. */
  userId: string;
  /** Can change over time. */
  username?: string;
  accountType?: 'BUSINESS' | 'INDIVIDUAL' | (string & {});
  registrationMarketplaceId?: string;
  status?: 'CONFIRMED' | 'UNCONFIRMED' | 'ACCOUNTONHOLD' | 'UNDETERMINED' | (string & {});
  businessAccount?: {
    name?: string;
    doingBusinessAs?: string;
    email?: string;
    website?: string;
    address?: IdentityAddress;
    primaryContact?: { firstName?: string; lastName?: string };
    primaryPhone?: IdentityPhone;
    secondaryPhone?: IdentityPhone;
  };
  individualAccount?: {
    firstName?: string;
    lastName?: string;
    email?: string;
    registrationAddress?: IdentityAddress;
    primaryPhone?: IdentityPhone;
    secondaryPhone?: IdentityPhone;
  };
}
