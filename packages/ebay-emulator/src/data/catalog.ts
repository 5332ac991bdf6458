// Vocabulary for generated records. Plain data, no state.

export const PRODUCT_LINES: readonly { code: string; noun: string; categoryId: string; minCents: number; maxCents: number }[] = [
  { code: 'TSH', noun: 'Cotton T-Shirt', categoryId: '15687', minCents: 899, maxCents: 3499 },
  { code: 'SNK', noun: 'Running Sneakers', categoryId: '15709', minCents: 3999, maxCents: 14999 },
  { code: 'HDP', noun: 'Wireless Headphones', categoryId: '112529', minCents: 1999, maxCents: 24999 },
  { code: 'LEG', noun: 'Building Brick Set', categoryId: '19006', minCents: 1499, maxCents: 19999 },
  { code: 'WCH', noun: 'Analog Wrist Watch', categoryId: '31387', minCents: 2499, maxCents: 39999 },
  { code: 'MUG', noun: 'Ceramic Coffee Mug', categoryId: '20693', minCents: 699, maxCents: 2499 },
  { code: 'CAM', noun: 'Mirrorless Camera Lens', categoryId: '3323', minCents: 9999, maxCents: 89999 },
  { code: 'BKS', noun: 'Hardcover Novel', categoryId: '261186', minCents: 499, maxCents: 2999 },
  { code: 'VNL', noun: 'Vinyl Record LP', categoryId: '176985', minCents: 1299, maxCents: 5999 },
  { code: 'PHC', noun: 'Phone Case', categoryId: '20349', minCents: 599, maxCents: 2999 },
  { code: 'LMP', noun: 'LED Desk Lamp', categoryId: '112581', minCents: 1799, maxCents: 6999 },
  { code: 'BAG', noun: 'Leather Messenger Bag', categoryId: '169291', minCents: 4999, maxCents: 19999 },
];

export const BRANDS = ['Acme', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark', 'Wayne', 'Tyrell'] as const;
export const COLORS = ['Black', 'White', 'Red', 'Blue', 'Green', 'Grey', 'Navy', 'Beige'] as const;
export const SIZES = ['S', 'M', 'L', 'XL'] as const;
export const CONDITIONS = ['NEW', 'NEW', 'NEW', 'USED_EXCELLENT', 'USED_GOOD', 'NEW_OTHER'] as const;

export const FIRST_NAMES = ['Alex', 'Maria', 'John', 'Aisha', 'Chen', 'Lukas', 'Emma', 'Noah', 'Sofia', 'Liam', 'Mia', 'Omar', 'Yuki', 'Paul', 'Ines', 'Raj'] as const;
export const LAST_NAMES = ['Smith', 'Garcia', 'Mueller', 'Khan', 'Wang', 'Rossi', 'Dubois', 'Novak', 'Silva', 'Kim', 'Brown', 'Jensen', 'Okafor', 'Costa'] as const;
export const USER_WORDS_A = ['happy', 'blue', 'quick', 'retro', 'urban', 'lucky', 'vintage', 'sunny', 'silver', 'cosmic', 'wild', 'mellow'] as const;
export const USER_WORDS_B = ['fox', 'collector', 'buyer', 'deals', 'trader', 'finds', 'shopper', 'hawk', 'otter', 'garage', 'attic', 'box'] as const;

export const CITIES: Record<string, readonly { city: string; state: string; postal: string }[]> = {
  US: [
    { city: 'Austin', state: 'TX', postal: '78701' },
    { city: 'Portland', state: 'OR', postal: '97201' },
    { city: 'Columbus', state: 'OH', postal: '43004' },
    { city: 'Denver', state: 'CO', postal: '80202' },
  ],
  GB: [
    { city: 'Leeds', state: 'West Yorkshire', postal: 'LS1 4AP' },
    { city: 'Bristol', state: 'Bristol', postal: 'BS1 5TR' },
  ],
  DE: [
    { city: 'Berlin', state: 'Berlin', postal: '10115' },
    { city: 'Hamburg', state: 'Hamburg', postal: '20095' },
  ],
};

export const MESSAGE_SUBJECTS = [
  'Question about your item',
  'When will my order ship?',
  'Can you combine shipping?',
  'Is this item still available in another colour?',
  'Tracking number request',
] as const;

export const EBAY_NOTICE_TITLES = [
  'Your monthly statement is ready',
  'Updates to our selling fees',
  'Your seller performance summary',
  'Action required: verify your payout account',
] as const;

export const DISPUTE_REASONS = ['ITEM_NOT_RECEIVED', 'SIGNIFICANTLY_NOT_AS_DESCRIBED', 'UNAUTHORIZED_PAYMENT', 'DUPLICATE_CHARGE'] as const;
