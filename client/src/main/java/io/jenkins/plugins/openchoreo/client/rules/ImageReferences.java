package io.jenkins.plugins.openchoreo.client.rules;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The image rule: an image reference as container runtimes parse it (the distribution project's
 * grammar): an optional registry host and port, lowercase path components, a tag, a digest. The
 * API takes any string, but the kubelet then fails with InvalidImageName long after the build.
 */
public final class ImageReferences {

    private static final Pattern IMAGE_REFERENCE;

    static {
        String component = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
        String hostPart = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
        String host = "(?:" + hostPart + "(?:\\." + hostPart + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
        String tag = "[\\w][\\w.-]{0,127}";
        String digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
        IMAGE_REFERENCE = Pattern.compile("(?:" + host + "/)?" + component + "(?:/" + component + ")*"
                + "(?::" + tag + ")?(?:@" + digest + ")?");
    }

    /** The longest repository name container registries accept. */
    private static final int IMAGE_NAME_MAX = 255;

    /** The hint of every image problem. */
    public static final String HINT = "Give the image as you pushed it: [registry[:port]/]path[:tag][@digest], "
            + "the path in lowercase, e.g. registry.example.com/team/app:1.2.3.";

    private ImageReferences() {}

    /** What is wrong with a non-empty image reference, or empty when it is valid. */
    public static Optional<String> problem(String image) {
        if (image.chars().anyMatch(ImageReferences::blankOrControl)) {
            return Optional.of("the image \"" + Names.printable(image) + "\" contains whitespace");
        }
        if (!IMAGE_REFERENCE.matcher(image).matches() || imageName(image).length() > IMAGE_NAME_MAX) {
            return Optional.of("the image \"" + Names.printable(image) + "\" is not an "
                    + "image reference: [registry[:port]/]lowercase/path[:tag][@sha256:digest], the name at most "
                    + IMAGE_NAME_MAX + " characters (e.g. registry.example.com/team/app:1.2.3)");
        }
        return Optional.empty();
    }

    /**
     * A warning for a valid image without a tag or with {@code :latest} (and no digest): the next
     * build that pushes the same reference sends the same Workload, so nothing changes and nothing
     * rolls out.
     */
    public static Optional<String> mutableTagWarning(String image) {
        if (image.contains("@")) {
            return Optional.empty();
        }
        String name = imageName(image);
        String tag = name.length() < image.length() ? image.substring(name.length() + 1) : null;
        if (tag != null && !tag.equals("latest")) {
            return Optional.empty();
        }
        return Optional.of("The image " + image + (tag == null ? " has no tag (so it means :latest)"
                : " is tagged :latest") + ": a later build that pushes the same reference leaves the Workload "
                + "unchanged, so OpenChoreo makes no new release. Tag each build (the version or the commit) "
                + "or deploy by digest.");
    }

    /** The repository part of an image reference: without tag and digest. */
    private static String imageName(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }

    /** Whitespace, including the no-break spaces that copying from a web page brings, or a control character. */
    private static boolean blankOrControl(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
    }
}
