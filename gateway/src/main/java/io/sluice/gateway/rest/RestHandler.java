package io.sluice.gateway.rest;

/** Answers one REST route. Runs on a worker thread, so it may block on the store. */
@FunctionalInterface
public interface RestHandler {
  RestResponse handle(RestRequest request) throws Exception;
}
