package io.jenkins.plugins.openchoreo.client.deploy;

import io.jenkins.plugins.openchoreo.client.descriptor.WorkloadOverlay;

/**
 * A deploy request after {@link RequestCheck}: every name, the image, labels, the descriptor and
 * the argument fields are valid, and what the descriptor and the arguments add to a Workload is
 * read. Nothing has been sent yet.
 *
 * @param overlay the descriptor's fields with the arguments' over them
 * @param mode how an existing Workload is updated: {@link DeployMode#IMAGE_ONLY} or
 *     {@link DeployMode#REPLACE}, never {@link DeployMode#AUTO}
 */
record CheckedRequest(DeployRequest request, WorkloadOverlay overlay, DeployMode mode) {
}
