/**
 * TensorBoard event files read into a Triage run log: the TFRecord framing (length, masked CRC-32C,
 * payload, masked CRC-32C) and the few fields of the {@code Event}, {@code Summary} and
 * {@code TensorProto} messages that carry scalars, decoded with protobuf-java's wire-format reader.
 * Only scalars are read (losses, accuracies, the learning rate); everything else is skipped.
 */
package dev.triage.tensorboard;
