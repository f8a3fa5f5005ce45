#include "messagedispatcher.h"

#include "connection.h"
#include "handlers/accessloghandler.h"
#include "handlers/fetchhandler.h"
#include "handlers/hellohandler.h"
#include "handlers/loginhandler.h"
#include "handlers/mutatehandler.h"
#include "handlers/pinghandler.h"
#include "protocol/codec.h"

#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Net/WebSocket.h>
#include <exception>

namespace civicdesk::server {

namespace {

using protocol::ErrorCode;

std::string ridOf(const protocol::Message &message)
{
    return std::visit(
        [](const auto &body) -> std::string {
            if constexpr (requires { body.rid; }) {
                return body.rid;
            } else {
                return {};
            }
        },
        message);
}

bool isClientMessage(const protocol::Message &message)
{
    return std::holds_alternative<protocol::Login>(message)
        || std::holds_alternative<protocol::Hello>(message)
        || std::holds_alternative<protocol::Fetch>(message)
        || std::holds_alternative<protocol::Mutate>(message)
        || std::holds_alternative<protocol::AccessLog>(message)
        || std::holds_alternative<protocol::Ping>(message);
}

bool allowedBeforeLogin(const protocol::Message &message)
{
    return std::holds_alternative<protocol::Login>(message)
        || std::holds_alternative<protocol::Ping>(message);
}

} // namespace

MessageDispatcher::MessageDispatcher(Store &store, Poco::Logger &logger)
    : m_store(store)
    , m_logger(logger)
{
}

Dispatched MessageDispatcher::dispatch(
    const std::string &text, const std::string &connectionId, SyncSession &session)
{
    protocol::DecodeResult decoded = protocol::decode(text);
    if (!decoded) {
        if (decoded.error.code == ErrorCode::TooLarge) {
            session.closeCode = Poco::Net::WebSocket::WS_PAYLOAD_TOO_BIG;
            session.closeReason = "message too large";
        }
        return { protocol::Error { decoded.error.rid, decoded.error.code, decoded.error.message },
            nullptr };
    }

    const protocol::Message &message = *decoded.message;
    const std::string rid = ridOf(message);
    const std::string type(protocol::typeName(message));
    if (!isClientMessage(message)) {
        return { protocol::Error { rid, ErrorCode::UnknownType,
                     "message type \"" + type + "\" is sent by the server only" },
            nullptr };
    }
    if (!session.authenticated && !allowedBeforeLogin(message)) {
        return { protocol::Error { rid, ErrorCode::AuthRequired,
                     "sign in with login before sending \"" + type + "\"" },
            nullptr };
    }

    try {
        return handle(message, connectionId, session);
    } catch (const Poco::Exception &error) {
        return { internalError(rid, type, connectionId, error.displayText()), nullptr };
    } catch (const std::exception &error) {
        return { internalError(rid, type, connectionId, error.what()), nullptr };
    }
}

protocol::Message MessageDispatcher::finishLogin(
    const LoginCheck &check, const std::string &connectionId, SyncSession &session)
{
    HandlerContext context { m_store, session, m_logger, connectionId };
    try {
        return LoginHandler(context).finish(check);
    } catch (const Poco::Exception &error) {
        return internalError(check.rid, "login", connectionId, error.displayText());
    } catch (const std::exception &error) {
        return internalError(check.rid, "login", connectionId, error.what());
    }
}

Dispatched MessageDispatcher::handle(
    const protocol::Message &message, const std::string &connectionId, SyncSession &session)
{
    HandlerContext context { m_store, session, m_logger, connectionId };

    if (const auto *login = std::get_if<protocol::Login>(&message)) {
        auto begun = LoginHandler(context).begin(*login);
        if (auto *check = std::get_if<std::shared_ptr<LoginCheck>>(&begun)) {
            return { protocol::Message {}, std::move(*check) };
        }
        return { std::get<protocol::Message>(std::move(begun)), nullptr };
    }
    if (const auto *hello = std::get_if<protocol::Hello>(&message)) {
        return { HelloHandler(context).handle(*hello), nullptr };
    }
    if (const auto *fetch = std::get_if<protocol::Fetch>(&message)) {
        protocol::Batch batch = FetchHandler(context).handle(*fetch);
        std::optional<protocol::Fetch> nextFetch;
        if (batch.follows) {
            nextFetch =
                protocol::Fetch { fetch->rid, batch.cursor, fetch->limit, fetch->pages - 1 };
        }
        return { std::move(batch), nullptr, std::move(nextFetch) };
    }
    if (const auto *mutate = std::get_if<protocol::Mutate>(&message)) {
        return { MutateHandler(context).handle(*mutate), nullptr };
    }
    if (const auto *accessLog = std::get_if<protocol::AccessLog>(&message)) {
        return { AccessLogHandler(context).handle(*accessLog), nullptr };
    }
    return { PingHandler().handle(std::get<protocol::Ping>(message)), nullptr };
}

protocol::Message MessageDispatcher::internalError(const std::string &rid, const std::string &type,
    const std::string &connectionId, const std::string &failure)
{
    poco_warning(m_logger,
        "connection " + connectionId + ": request " + rid + " (" + type + ") failed: " + failure);
    return protocol::Error { rid, ErrorCode::ServerInternal,
        "the server could not handle the request; retry later" };
}

} // namespace civicdesk::server
