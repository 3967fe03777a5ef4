package io.jenkins.plugins.openchoreo.client.error;

/**
 * The rollout cannot be followed: the client may not read what following needs, none of the
 * component's ReleaseBindings is visible to it, or the component does not deploy itself. A deploy
 * turns it into a warning and stays green, unless waiting is strict.
 */
public class RolloutNotFollowedException extends OpenChoreoException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    /**
     * @param reason why, as one clause that names what is missing, e.g. "the client may not read
     *     component greeter (it lacks component:view in namespace default)"
     */
    public RolloutNotFollowedException(ErrorCode code, String reason, String requestId, int status) {
        super(code, "Cannot follow the rollout: " + reason, null, requestId, status, null);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
