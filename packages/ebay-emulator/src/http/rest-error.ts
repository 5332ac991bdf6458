import type { FastifyReply } from 'fastify';

export interface RestErrorParameter {
  name: string;
  value: string;
}

export interface RestError {
  errorId: number;
  domain: string;
  subdomain?: string;
  category: 'REQUEST' | 'APPLICATION' | 'BUSINESS';
  message: string;
  longMessage?: string;
  parameters?: RestErrorParameter[];
}

/** Send eBay's REST error envelope. */
export function sendRestError(reply: FastifyReply, status: number, error: RestError): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send({ errors: [error] });
}

export const INVALID_TOKEN: RestError = {
  errorId: 1001,
  domain: 'OAuth',
  category: 'REQUEST',
  message: 'Invalid access token',
  longMessage: 'Invalid access token. Check the value of the Authorization HTTP request header.',
};

export const MISSING_TOKEN: RestError = {
  errorId: 1002,
  domain: 'OAuth',
  category: 'REQUEST',
  message: 'Missing access token',
  longMessage: 'Access token is missing in the Authorization HTTP request header.',
};

export const ACCESS_DENIED: RestError = {
  errorId: 1100,
  domain: 'ACCESS',
  category: 'REQUEST',
  message: 'Access denied',
  longMessage: 'Insufficient permissions to fulfill the request.',
};

export const TOO_MANY_REQUESTS: RestError = {
  errorId: 2001,
  domain: 'ACCESS',
  category: 'REQUEST',
  message: 'Too many requests.',
  longMessage: 'The request limit has been reached for the resource.',
};

/** Body of an injected 5xx, in the family's own error domain where eBay has one. */
export function serverErrorFor(operationFamily: string, status: number): RestError {
  if (status === 502 || status === 503) {
    return { errorId: 2003, domain: 'ACCESS', category: 'APPLICATION', message: 'Internal error', longMessage: 'There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.' };
  }
  switch (operationFamily) {
    case 'fulfillment':
      return { errorId: 30500, domain: 'API_FULFILLMENT', category: 'APPLICATION', message: 'System error.' };
    case 'paymentDispute':
      return { errorId: 33000, domain: 'API_FULFILLMENT', category: 'APPLICATION', message: 'There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.' };
    case 'finances':
      return { errorId: 135000, domain: 'API_FINANCES', category: 'APPLICATION', message: 'There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.' };
    case 'inventory':
      return { errorId: 25001, domain: 'API_INVENTORY', category: 'APPLICATION', message: 'A system error has occurred.' };
    default:
      return { errorId: 10001, domain: 'API_CORE', category: 'APPLICATION', message: 'There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.' };
  }
}
