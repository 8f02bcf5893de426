/**
 * QStash request signatures: verifying the {@code Upstash-Signature} JWT of an incoming
 * delivery ({@link ng.kinta.dedicatedaccounts.trigger.signature.QstashSignatureVerifier})
 * and minting one the way QStash does
 * ({@link ng.kinta.dedicatedaccounts.trigger.signature.QstashTokenSigner}). Plain
 * classes, independent of Spring and of the batch job. Contract:
 * https://upstash.com/docs/qstash/features/security and {@code docs/QSTASH.md} §1.
 */
@NullMarked
package ng.kinta.dedicatedaccounts.trigger.signature;

import org.jspecify.annotations.NullMarked;
