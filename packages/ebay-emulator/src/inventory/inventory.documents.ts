import type { SellerDataset } from '../data/seller-dataset';
import type { InventoryRecord, OfferRecord } from '../data/inventory.generator';
import { amount } from '../util/money';

const LOCALE: Record<string, string> = { EBAY_US: 'en_US', EBAY_GB: 'en_GB', EBAY_DE: 'de_DE' };

export function inventoryItemDocument(ds: SellerDataset, item: InventoryRecord): Record<string, unknown> {
  const aspects: Record<string, string[]> = { Brand: [item.brand], Color: [item.color] };
  if (item.size) aspects['Size'] = [item.size];
  return {
    sku: item.sku,
    locale: LOCALE[ds.profile.marketplaceId] ?? 'en_US',
    product: {
      title: item.title,
      aspects,
      description: `${item.title}. Ships within 2 business days.`,
      brand: item.brand,
      imageUrls: [`https://i.ebayimg.com/images/g/${item.sku}/s-l1600.jpg`],
    },
    condition: item.condition,
    availability: { shipToLocationAvailability: { quantity: item.quantity } },
    packageWeightAndSize: { weight: { value: 1 + (item.index % 5) * 0.5, unit: 'POUND' } },
    groupIds: [],
  };
}

export function offerDocument(ds: SellerDataset, item: InventoryRecord, offer: OfferRecord): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    offerId: offer.offerId,
    sku: item.sku,
    marketplaceId: ds.profile.marketplaceId,
    format: offer.format,
    availableQuantity: offer.availableQuantity,
    categoryId: item.categoryId,
    listingDescription: `${item.title}. Ships within 2 business days.`,
    listingDuration: offer.format === 'AUCTION' ? 'DAYS_7' : 'GTC',
    listingPolicies: { fulfillmentPolicyId: '6196932000', paymentPolicyId: '6196934000', returnPolicyId: '6196936000' },
    merchantLocationKey: 'warehouse-1',
    pricingSummary: { price: amount(offer.priceCents, ds.profile.currency) },
    status: offer.status,
  };
  if (offer.status === 'PUBLISHED') {
    doc['listing'] = { listingId: offer.listingId, listingStatus: 'ACTIVE', soldQuantity: offer.soldQuantity };
  }
  return doc;
}
