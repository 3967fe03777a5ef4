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
