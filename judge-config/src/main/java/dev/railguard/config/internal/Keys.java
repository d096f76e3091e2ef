package dev.railguard.config.internal;

/** JSON pointers of a project file as the keys users read: {@code /judges/0/api_key} is {@code judges[0].api_key}. */
final class Keys {

    private Keys() {}

    static String dotted(String pointer) {
        StringBuilder b = new StringBuilder();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                b.append('[').append(name).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(name);
            }
        }
        return b.toString();
    }
}
