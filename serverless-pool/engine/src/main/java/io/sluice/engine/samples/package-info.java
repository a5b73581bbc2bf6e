/**
 * The read-only {@code samples} catalog: TPC-DS data generated on the fly, at any scale, by the
 * Java port of the official generator. {@code samples.tpcds_sf1.store_sales} reads scale factor 1;
 * {@code tpcds_sf0_01} is scale 0.01. Reading a table runs the generator inside Spark's tasks, so
 * large tables are generated in parallel. Data derived from TPC-DS; not TPC-DS results.
 */
package io.sluice.engine.samples;
