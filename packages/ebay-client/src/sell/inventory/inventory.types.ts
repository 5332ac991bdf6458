import type { Amount } from '../../core/rest.types';

interface InventoryPaging {
  href?: string;
  limit?: number;
  next?: string;
  prev?: string;
  /** Number of records on this page. */
  size?: number;
  total?: number;
}

export interface InventoryProduct {
  title?: string;
  description?: string;
  subtitle?: string;
  brand?: string;
  mpn?: string;
  epid?: string;
  /** Aspect name -> values. */
  aspects?: Record<string, string[]>;
  imageUrls?: string[];
  ean?: string[];
  isbn?: string[];
  upc?: string[];
}

export interface InventoryItem {
  sku: string;
  locale?: string;
  product?: InventoryProduct;
  condition?: string;
  conditionDescription?: string;
  availability?: {
    shipToLocationAvailability?: { quantity?: number; availabilityDistributions?: Record<string, unknown>[] };
    pickupAtLocationAvailability?: Record<string, unknown>[];
  };
  packageWeightAndSize?: Record<string, unknown>;
  groupIds?: string[];
  inventoryItemGroupKeys?: string[];
}

export interface InventoryItemPage extends InventoryPaging {
  inventoryItems: InventoryItem[];
}

export interface Offer {
  offerId: string;
  sku?: string;
  marketplaceId?: string;
  format?: 'FIXED_PRICE' | 'AUCTION' | (string & {});
  status?: 'PUBLISHED' | 'UNPUBLISHED' | (string & {});
  availableQuantity?: number;
  pricingSummary?: { price?: Amount; auctionStartPrice?: Amount; auctionReservePrice?: Amount };
  listing?: { listingId?: string; listingStatus?: string; soldQuantity?: number; listingOnHold?: boolean };
  categoryId?: string;
  secondaryCategoryId?: string;
  merchantLocationKey?: string;
  listingPolicies?: {
    fulfillmentPolicyId?: string;
    paymentPolicyId?: string;
    returnPolicyId?: string;
    [key: string]: unknown;
  };
  listingDescription?: string;
  listingDuration?: string;
  listingStartDate?: string;
  quantityLimitPerBuyer?: number;
}

export interface OfferPage extends InventoryPaging {
  offers: Offer[];
}
