/**
 * Compliance figures of a set of countdowns, finished or running: share met on time per severity,
 * kind and tier, median and 90th percentile of working time to meet, and breaches with how late
 * they were. Plain immutable data; see {@link io.slaflow.core.report.ComplianceReport}.
 */
package io.slaflow.core.report;
