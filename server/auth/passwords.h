#pragma once

#include <string>

namespace civicdesk::server {

/** Returns an Argon2id PHC string (libsodium crypto_pwhash_str, interactive limits). */
std::string hashPassword(const std::string &password);

/** Returns true when password matches the PHC string; constant time in the password. */
bool verifyPassword(const std::string &password, const std::string &phcHash);

} // namespace civicdesk::server
