/**
 * The run configuration ({@code run.yaml}): its schema, defaults, validation and the typed records
 * the rest of Triage reads.
 *
 * <p>Layer 0: depends on nothing else in Triage (only the JDK and Jackson for YAML/JSON text).
 * Every other package may use it. A configuration is immutable; {@link dev.triage.config.RunConfig#with}
 * derives a new, re-validated one, which is how command-line overrides and repair remedies change it.
 */
package dev.triage.config;
