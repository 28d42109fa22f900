/**
 * What the platform needs from an internet acquirer. The sandbox implements it in-process; a real
 * bank is another adapter of the same shape. Card data never reaches the platform: the payer types
 * it on the acquirer's page, and the platform only learns the outcome from a signed callback.
 */
export type AcquirerPaymentRequest = {
  /** The platform's payment id, echoed back in callbacks. */
  orderId: string;
  amountKopecks: bigint;
  description: string;
  /** Where the acquirer's page sends the payer afterwards. */
  returnUrl: string;
  /** Where the acquirer posts the outcome. */
  callbackUrl: string;
};

export type AcquirerEvent = {
  /** Unique per event: a repeated delivery carries the same id. */
  eventId: string;
  providerPaymentId: string;
  orderId: string;
  status: 'succeeded' | 'declined';
  amountKopecks: bigint;
  declineReason: string | null;
};

export interface Acquirer {
  readonly provider: string;
  createPayment(
    request: AcquirerPaymentRequest,
  ): Promise<{ providerPaymentId: string; redirectUrl: string }>;
  /** Verifies the callback's signature over the raw body; throws `acquirer_signature_invalid`. */
  verifyCallback(
    headers: Record<string, string | string[] | undefined>,
    rawBody: string,
  ): AcquirerEvent;
  /** The acquirer's view of a payment, for one that never called back. */
  getStatus(providerPaymentId: string): Promise<'pending' | 'succeeded' | 'declined' | 'unknown'>;
}
