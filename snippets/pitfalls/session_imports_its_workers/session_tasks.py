"""The worker functions of an interactive session, in a file a worker process can import."""


def square(x):
    return x * x
