import asyncio


async def fetch(session, url):
    async with session.get(url) as response, other() as (a, b):
        async for chunk in response.content:
            await asyncio.sleep(0)
        else:
            pass
    return await response.text()


async def gen():
    yield 1
    await (yield 2)
    x = await something ** 2
    with (
        open("a") as f,
        open("b") as g,
    ):
        pass
    with (a, b):
        pass
    with (a, b) as c:
        pass
    with (yield):
        pass
