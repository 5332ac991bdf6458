import { CITIES, FIRST_NAMES, LAST_NAMES, USER_WORDS_A, USER_WORDS_B } from './catalog';
import { labelCode, rngFor } from '../util/prng';

const BUYER = labelCode('buyer');

export interface BuyerRecord {
  username: string;
  fullName: string;
  email: string;
  phone: string;
  address: { addressLine1: string; city: string; stateOrProvince: string; postalCode: string; countryCode: string };
}

export function buyerUsername(seed: number, seller: number, buyerIndex: number): string {
  const rng = rngFor(seed, seller, BUYER, buyerIndex);
  return `${rng.pick(USER_WORDS_A)}_${rng.pick(USER_WORDS_B)}${buyerIndex + 10}`;
}

export function buyerRecord(seed: number, seller: number, buyerIndex: number, countryCode: string): BuyerRecord {
  const username = buyerUsername(seed, seller, buyerIndex);
  const rng = rngFor(seed, seller, BUYER, buyerIndex, 1);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const place = rng.pick(CITIES[countryCode] ?? CITIES['US'] ?? []);
  return {
    username,
    fullName: `${first} ${last}`,
    email: `${username.replace(/[^a-z0-9]/gi, '')}@members.ebay.example`,
    phone: `555${rng.int(1000000, 9999999)}`,
    address: {
      addressLine1: `${rng.int(1, 999)} ${rng.pick(LAST_NAMES)} Street`,
      city: place.city,
      stateOrProvince: place.state,
      postalCode: place.postal,
      countryCode,
    },
  };
}
