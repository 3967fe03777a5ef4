/** An OpenChoreo-compatible Workload API and identity provider on loopback, for tests, benchmarks and demos. */
package io.jenkins.plugins.openchoreo.sandbox;
