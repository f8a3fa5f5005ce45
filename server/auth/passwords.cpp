#include "auth/passwords.h"

#include <Poco/Exception.h>
#include <sodium.h>

namespace civicdesk::server {

namespace {

void ensureSodium()
{
    // sodium_init is thread-safe and may be called again; a static runs it once anyway.
    static const int result = sodium_init();
    if (result < 0) {
        throw Poco::SystemException("libsodium failed to initialise");
    }
}

} // namespace

std::string hashPassword(const std::string &password)
{
    ensureSodium();

    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, password.data(), password.size(),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0) {
        throw Poco::OutOfMemoryException("crypto_pwhash_str ran out of memory");
    }
    return hash;
}

bool verifyPassword(const std::string &password, const std::string &phcHash)
{
    ensureSodium();

    if (phcHash.empty() || phcHash.size() >= crypto_pwhash_STRBYTES) {
        return false;
    }
    return crypto_pwhash_str_verify(phcHash.c_str(), password.data(), password.size()) == 0;
}

} // namespace civicdesk::server
