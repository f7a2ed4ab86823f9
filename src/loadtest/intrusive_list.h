// A doubly linked list threaded through its elements, so that moving a
// connection between the engine's timer queues never allocates. Each queue
// holds connections in the order their deadlines fall, because every
// connection in one queue waits the same fixed delay: the front is always
// the next to expire, and no heap is needed.
#pragma once

namespace dsaudit::loadtest {

template <typename T>
class IntrusiveList {
 public:
  bool empty() const { return head_ == nullptr; }
  T* front() const { return head_; }

  void PushBack(T* node) {
    node->prev = tail_;
    node->next = nullptr;
    node->list = this;
    (tail_ != nullptr ? tail_->next : head_) = node;
    tail_ = node;
  }

  void Remove(T* node) {
    (node->prev != nullptr ? node->prev->next : head_) = node->next;
    (node->next != nullptr ? node->next->prev : tail_) = node->prev;
    node->prev = node->next = nullptr;
    node->list = nullptr;
  }

 private:
  T* head_ = nullptr;
  T* tail_ = nullptr;
};

}  // namespace dsaudit::loadtest
